// Writes a system ordered below an earlier one: for a store that keeps one value per key and
// resolves conflicts by an order of its own (version numbers, timestamps), an acknowledged write w
// is overtaken when some write w' of the same key was acknowledged (its client got the answer)
// before w was even invoked, and yet the system's order puts w' above w. Every replica that has
// both keeps w', so w can never again be the key's value: it was discarded, though acknowledged.
// Writes concurrent with w (w' not finished when w began) may be ordered either way, as a
// linearizable store may order them. With clocks equal to true time, stamps taken between a
// write's invocation and its acknowledgement never overtake (w' was stamped before its
// acknowledgement, so before w's invocation, so before w's stamp); skew makes them. Pure: reads a
// recorded history and the order the model's observer gives each written value.

import type { RecordedOperation } from '../../facts.js';
import { byKey, isAcknowledgedWrite, pairKvOperations, type KvOperation } from '../../../checks/kv-operations.js';

/** How the system ordered the writes: the item of a written value, and which of two items wins. */
export interface WriteOrder<Item> {
  itemOf(value: unknown): Item | undefined;
  /** True when `a` is ordered above `b` (a strict order). */
  wins(a: Item, b: Item): boolean;
}

export interface OvertakenWrite<Item> {
  readonly write: KvOperation;
  readonly item: Item;
  /** The winning write among those acknowledged before `write` was invoked. */
  readonly by: KvOperation;
  readonly byItem: Item;
}

/** Every acknowledged write overtaken by an earlier acknowledged one, per key in invocation order. */
export function findOvertakenWrites<Item>(history: readonly RecordedOperation[], order: WriteOrder<Item>): OvertakenWrite<Item>[] {
  const overtaken: OvertakenWrite<Item>[] = [];
  for (const operations of byKey(pairKvOperations(history)).values()) {
    overtaken.push(...overtakenInKey(operations.filter(isAcknowledgedWrite), order));
  }
  return overtaken;
}

/** One sweep: writes by invocation, and the best item among the writes acknowledged before each. */
function overtakenInKey<Item>(acknowledged: readonly KvOperation[], order: WriteOrder<Item>): OvertakenWrite<Item>[] {
  const byCompletion = [...acknowledged].sort((a, b) => a.completeIndex - b.completeIndex);
  const found: OvertakenWrite<Item>[] = [];
  let best: { operation: KvOperation; item: Item } | null = null;
  let next = 0;
  for (const write of acknowledged) {
    while (next < byCompletion.length && byCompletion[next]!.completeIndex < write.invokeIndex) {
      const earlier = byCompletion[next++]!;
      const item = order.itemOf(earlier.written);
      if (item !== undefined && (best === null || order.wins(item, best.item))) best = { operation: earlier, item };
    }
    const item = order.itemOf(write.written);
    if (best !== null && item !== undefined && order.wins(best.item, item)) {
      found.push({ write, item, by: best.operation, byItem: best.item });
    }
  }
  return found;
}
