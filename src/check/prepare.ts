// Turns a history into what the search needs: validated operations, without those that cannot
// matter (failed ones, and reads of unknown outcome), split by key when the model allows it.

import { HistoryError, type Operation } from './history.js';
import type { SequentialModel } from './model.js';

export interface Partition {
  /** The key, or null when the history is checked as a whole. */
  readonly key: string | null;
  readonly operations: readonly Operation[];
}

/** Throws HistoryError for an operation the model does not understand. */
export function validateOperations(operations: readonly Operation[], model: SequentialModel<unknown>): void {
  for (const operation of operations) {
    const problem = model.validate(operation);
    if (problem !== null) throw new HistoryError(problem, operation.line ?? 0);
  }
}

/** Drops operations that constrain nothing and normalizes unknown ones to return at Infinity. */
export function relevantOperations(operations: readonly Operation[], model: SequentialModel<unknown>): Operation[] {
  const relevant: Operation[] = [];
  for (const operation of operations) {
    if (operation.outcome === 'fail') continue;
    if (operation.outcome === 'unknown') {
      const unknown = { ...operation, output: undefined, returnTime: Infinity };
      if (!model.readOnly(unknown)) relevant.push(unknown);
      continue;
    }
    relevant.push(operation);
  }
  return relevant;
}

export function partitionOperations(operations: readonly Operation[], model: SequentialModel<unknown>): Partition[] {
  if (!model.partitionByKey || operations.every((operation) => operation.key === undefined)) {
    return [{ key: null, operations }];
  }
  const byKey = new Map<string, Operation[]>();
  for (const operation of operations) {
    const key = operation.key ?? '';
    const list = byKey.get(key);
    if (list) list.push(operation);
    else byKey.set(key, [operation]);
  }
  const keys = [...byKey.keys()].sort(compareKeys);
  return keys.map((key) => ({ key, operations: byKey.get(key) as Operation[] }));
}

/**
 * Natural order ("2" before "10"), so output reads the way a person expects; independent of
 * locale data, so every machine prints keys in the same order.
 */
export function compareKeys(a: string, b: string): number {
  const chunksA = a.match(/\d+|\D+/g) ?? [];
  const chunksB = b.match(/\d+|\D+/g) ?? [];
  for (let index = 0; index < Math.min(chunksA.length, chunksB.length); index += 1) {
    const chunkA = chunksA[index];
    const chunkB = chunksB[index];
    if (chunkA === chunkB) continue;
    const numeric = /^\d/.test(chunkA) && /^\d/.test(chunkB);
    if (numeric && chunkA.length !== chunkB.length) {
      const byValue = BigInt(chunkA) < BigInt(chunkB) ? -1 : BigInt(chunkA) > BigInt(chunkB) ? 1 : 0;
      if (byValue !== 0) return byValue;
    }
    return chunkA < chunkB ? -1 : 1;
  }
  return chunksA.length - chunksB.length || (a < b ? -1 : a > b ? 1 : 0);
}
