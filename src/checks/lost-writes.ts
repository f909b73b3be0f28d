// The `no-lost-writes` expectation and the `writes.lost` / `writes.unreadable` figures.
//
// Lost: acknowledged (the history shows the client was told "ok") and discarded by the system, as
// the model's observer knows from the truth and records (ReplicationFacts.discardedWrites): a
// leader-follower write the surviving leader never had, a leaderless write that lost to an earlier
// one. Counted whether or not a later write superseded it, which the final reads cannot see.
//
// Unreadable (the older, history-only approximation, still reported as `writes.unreadable`, and
// what `no-lost-writes` falls back to for a model that records no discarded writes): a write w
// is unreadable when the key's last final read returned another value v, v's write was
// acknowledged before w was even invoked (or v is the initial value), and no write invoked after
// w's acknowledgement took effect. It misses every lost write that a later write overwrote, and
// counts a write that is only late (a hint not yet handed off). Pure.

import { byKey, isAcknowledgedWrite, isEffectiveWrite, pairKvOperations, type KvOperation } from './kv-operations.js';
import type { RecordedFacts, RecordedOperation } from '../model/facts.js';
import { replicationFacts, type DiscardedWrite } from '../model/replication-facts.js';
import type { Check, CheckOutcome } from './check.js';

/** An acknowledged write the system discarded, with the history's record of it. */
export interface LostWrite {
  readonly write: KvOperation;
  readonly cause: string;
  readonly reason: string;
}

export interface UnreadableWrite {
  readonly write: KvOperation;
  /** The final read that did not see it, or null when no final read of the key succeeded. */
  readonly finalRead: KvOperation | null;
}

/** The discarded writes that the history shows acknowledged, in order of acknowledgement. */
export function findDiscardedWrites(history: readonly RecordedOperation[], discarded: readonly DiscardedWrite[]): LostWrite[] {
  const acknowledged = new Map<unknown, KvOperation>();
  for (const operation of pairKvOperations(history)) if (isAcknowledgedWrite(operation)) acknowledged.set(operation.written, operation);
  const lost: LostWrite[] = [];
  for (const entry of discarded) {
    const write = acknowledged.get(entry.value);
    if (write !== undefined && write.key === entry.key) lost.push({ write, cause: entry.cause, reason: entry.reason });
  }
  return lost.sort((a, b) => a.write.completeIndex - b.write.completeIndex);
}

export function findUnreadableWrites(history: readonly RecordedOperation[], finalReadsFromUs: number): UnreadableWrite[] {
  const unreadable: UnreadableWrite[] = [];
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
        unreadable.push({ write, finalRead: null });
        continue;
      }
      if (finalRead.read === write.written) continue;
      const writer = writerOf.get(finalRead.read);
      const older = finalRead.read === null || (writer !== undefined && writer.outcome === 'ok' && writer.completeIndex < write.invokeIndex);
      if (older) unreadable.push({ write, finalRead });
    }
  }
  return unreadable;
}

/** The fallback for a model that records no discarded writes: the unreadable ones, as lost. */
function unreadableAsLost(history: readonly RecordedOperation[], finalReadsFromUs: number): LostWrite[] {
  return findUnreadableWrites(history, finalReadsFromUs).map(({ write, finalRead }) => ({
    write,
    cause: 'unreadable',
    reason: finalRead === null
      ? `no final read of ${write.key} succeeded`
      : `not readable at the end: the final read of ${write.key} returned ${String(finalRead.read)}, an older value`,
  }));
}

/** The lost writes of a run, or a reason they are unknown. */
function lostWritesOf(facts: RecordedFacts): LostWrite[] | string {
  if (facts.historyTruncated) return 'unknown (history truncated)';
  const discarded = replicationFacts(facts).discardedWrites;
  if (discarded === null) return 'unknown (too many writes to track)';
  if (discarded !== undefined) return findDiscardedWrites(facts.history, discarded);
  if (facts.finalReadsFromUs === undefined || facts.finalReadsFromUs === null) return 'unknown (no final reads)';
  return unreadableAsLost(facts.history, facts.finalReadsFromUs);
}

const ms = (us: number | null): number | null => (us === null ? null : us / 1000);

export const noLostWritesCheck: Check = (facts): CheckOutcome => {
  const lost = lostWritesOf(facts);
  if (typeof lost === 'string') return { ok: false, observed: lost };
  if (lost.length === 0) return { ok: true, observed: '0 lost' };
  return { ok: false, observed: `${lost.length} lost`, marks: lostWriteMarks(lost), witness: lostWriteWitness(lost) };
};

function lostWriteMarks(lost: readonly LostWrite[]): CheckOutcome['marks'] {
  return lost.slice(0, 5).map(({ write, cause }) => ({
    atMs: write.completeUs! / 1000,
    label: `write ${String(write.written)} to ${write.key} acknowledged, later lost (${cause})`,
  }));
}

/** The first lost write explained with its operation, then up to 20 in order of acknowledgement. */
function lostWriteWitness(lost: readonly LostWrite[]): unknown {
  const first = lost[0]!;
  const { write } = first;
  return {
    lostWriteCount: lost.length,
    key: write.key,
    explanation: `write ${String(write.written)} to ${write.key} was acknowledged at ${ms(write.completeUs)}ms and discarded: ${first.reason}`,
    operations: [{
      process: write.process,
      f: write.f,
      key: write.key,
      input: write.written,
      outcome: write.outcome,
      invokedMs: ms(write.invokeUs),
      completedMs: ms(write.completeUs),
    }],
    lostWrites: lost.slice(0, 20).map((entry) => ({
      key: entry.write.key,
      value: entry.write.written,
      invokedMs: ms(entry.write.invokeUs),
      acknowledgedMs: ms(entry.write.completeUs),
      reason: entry.reason,
    })),
  };
}
