// The `no-lost-writes` expectation: every acknowledged write is still readable at the end (by the
// final reads, after faults were reverted and replicas had the quiet period to converge), unless
// a later write to the key superseded it. A write w is lost when the key's last final read
// returned another value v, and v's write was acknowledged before w was even invoked (or v is the
// initial value) while no write invoked after w's acknowledgement took effect. Pure.

import { byKey, isAcknowledgedWrite, isEffectiveWrite, pairKvOperations, type KvOperation } from './kv-operations.js';
import type { RecordedOperation } from '../model/facts.js';
import type { Check, CheckOutcome } from './check.js';

export interface LostWrite {
  readonly write: KvOperation;
  /** The final read that did not see it, or null when no final read of the key succeeded. */
  readonly finalRead: KvOperation | null;
}

export function findLostWrites(history: readonly RecordedOperation[], finalReadsFromUs: number): LostWrite[] {
  const lost: LostWrite[] = [];
  for (const operations of byKey(pairKvOperations(history)).values()) {
    const finalReads = operations.filter((op) => op.f === 'read' && op.outcome === 'ok' && op.invokeUs >= finalReadsFromUs);
    const finalRead = finalReads.length === 0 ? null : finalReads.reduce((a, b) => (b.completeIndex > a.completeIndex ? b : a));
    const effective = operations.filter(isEffectiveWrite);
    const writerOf = new Map<unknown, KvOperation>();
    for (const write of effective) writerOf.set(write.written, write);
    for (const write of operations) {
      if (!isAcknowledgedWrite(write)) continue;
      // Superseded: some write that may have taken effect was invoked after this one was acknowledged.
      if (effective.some((other) => other.invokeIndex > write.completeIndex)) continue;
      if (finalRead === null) {
        lost.push({ write, finalRead: null });
        continue;
      }
      if (finalRead.read === write.written) continue;
      const writer = writerOf.get(finalRead.read);
      const older = finalRead.read === null || (writer !== undefined && writer.outcome === 'ok' && writer.completeIndex < write.invokeIndex);
      if (older) lost.push({ write, finalRead });
    }
  }
  return lost;
}

export const noLostWritesCheck: Check = (facts): CheckOutcome => {
  if (facts.historyTruncated) return { ok: false, observed: 'unknown (history truncated)' };
  if (facts.finalReadsFromUs === undefined || facts.finalReadsFromUs === null) {
    return { ok: false, observed: 'unknown (no final reads)' };
  }
  const lost = findLostWrites(facts.history, facts.finalReadsFromUs);
  if (lost.length === 0) return { ok: true, observed: '0 lost' };
  const first = lost[0]!;
  const ms = (us: number | null): number | null => (us === null ? null : us / 1000);
  return {
    ok: false,
    observed: `${lost.length} lost`,
    marks: lost
      .filter((entry) => entry.write.completeUs !== null)
      .slice(0, 5)
      .map((entry) => ({
        atMs: entry.write.completeUs! / 1000,
        label: `write ${String(entry.write.written)} to ${entry.write.key} acknowledged, later lost`,
      })),
    witness: {
      lostWriteCount: lost.length,
      key: first.write.key,
      explanation: first.finalRead === null
        ? `write ${String(first.write.written)} to ${first.write.key} was acknowledged, and no final read of ${first.write.key} succeeded`
        : `write ${String(first.write.written)} to ${first.write.key} was acknowledged at ${ms(first.write.completeUs)}ms, ` +
          `but the final read returned ${String(first.finalRead.read)}, an older value`,
      operations: [first.write, ...(first.finalRead ? [first.finalRead] : [])].map((op) => ({
        process: op.process,
        f: op.f,
        key: op.key,
        input: op.f === 'read' ? null : op.written,
        output: op.f === 'read' ? op.read : null,
        outcome: op.outcome,
        invokedMs: ms(op.invokeUs),
        completedMs: ms(op.completeUs),
      })),
      lostWrites: lost.slice(0, 20).map((entry) => ({
        key: entry.write.key,
        value: entry.write.written,
        invokedMs: ms(entry.write.invokeUs),
        acknowledgedMs: ms(entry.write.completeUs),
      })),
    },
  };
};
