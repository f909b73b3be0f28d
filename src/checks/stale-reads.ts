// Stale reads in a key-value history: a read is stale when it returned a value older than one
// whose write was acknowledged before the read began. "Older": the write of the value read was
// acknowledged before that other write was invoked (or the value is the initial one). Reads of
// values whose write's outcome is unknown get the benefit of the doubt. Pure.

import { byKey, isAcknowledgedWrite, isEffectiveWrite, pairKvOperations, type KvOperation } from './kv-operations.js';
import type { RecordedOperation } from '../model/facts.js';

export interface StaleRead {
  readonly read: KvOperation;
  /** A write acknowledged before the read began whose value the read should have seen (or newer). */
  readonly missed: KvOperation;
}

export interface StaleReadCount {
  readonly readCount: number;
  readonly stale: readonly StaleRead[];
}

export function findStaleReads(history: readonly RecordedOperation[]): StaleReadCount {
  let readCount = 0;
  const stale: StaleRead[] = [];
  for (const operations of byKey(pairKvOperations(history)).values()) {
    const acked = operations.filter(isAcknowledgedWrite).sort((a, b) => a.completeIndex - b.completeIndex);
    // latestInvoked[i]: of the first i+1 acknowledged writes, the one invoked last.
    const latestInvoked: KvOperation[] = [];
    for (const write of acked) {
      const previous = latestInvoked[latestInvoked.length - 1];
      latestInvoked.push(previous && previous.invokeIndex > write.invokeIndex ? previous : write);
    }
    const writerOf = new Map<unknown, KvOperation>();
    for (const operation of operations) if (isEffectiveWrite(operation)) writerOf.set(operation.written, operation);
    for (const read of operations) {
      if (read.f !== 'read' || read.outcome !== 'ok') continue;
      readCount++;
      const before = countBefore(acked, read.invokeIndex);
      if (before === 0) continue;
      const newest = latestInvoked[before - 1]!;
      if (read.read === newest.written) continue;
      const writer = writerOf.get(read.read);
      const older = read.read === null || read.read === undefined
        ? true
        : writer !== undefined && writer.outcome === 'ok' && writer.completeIndex < newest.invokeIndex;
      if (older) stale.push({ read, missed: newest });
    }
  }
  return { readCount, stale };
}

/** How many of the writes (sorted by completion) completed before `index`. */
function countBefore(sorted: readonly KvOperation[], index: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.completeIndex < index) low = middle + 1;
    else high = middle;
  }
  return low;
}
