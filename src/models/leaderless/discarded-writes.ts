// Which acknowledged writes the leaderless model discarded, for `writes.lost`, `no-lost-writes`
// and `writes.lww-dropped`. Replicas keep one value per key, no siblings: the write that wins by
// conflict.ts. A write is discarded when it loses to a write that was acknowledged before it was
// even invoked (kit/kv/overtaken-writes.ts): under `lww` because the earlier write carried a
// later timestamp (a clock behind, or stepped back), under `versions` because the earlier write's
// coordinator had a higher counter (counters advance only through the coordinator's own writes and
// read replies: a client's causality does not reach them). A write that merely has not reached
// every replica yet (a hint not handed off) is not discarded: it still wins where it arrives.
// Measurement only.

import type { DiscardedWrite } from '../../model/replication-facts.js';
import type { RecordedOperation } from '../../model/facts.js';
import { findOvertakenWrites, type OvertakenWrite } from '../../model/kit/kv/overtaken-writes.js';
import type { ConflictMode } from './config.js';
import { supersedes, versionCounter } from './conflict.js';
import type { Versioned } from './messages.js';

/** Writes tracked at most (as many as the history keeps); beyond, discards are unknown. */
const TRACKED_WRITE_COUNT_MAX = 2_000_000;

interface TrackedWrite {
  readonly item: Versioned;
  /** The coordinator that versioned it (and, under `lww` with coordinator timestamps, stamped it). */
  readonly coordinator: string;
}

export class DiscardedWriteTracker {
  /** Per written value, the winning item among its attempts (a retry is versioned again). */
  private readonly writes = new Map<unknown, TrackedWrite>();
  private overflowed = false;

  constructor(private readonly mode: ConflictMode) {}

  /** A coordinator versioned (and stamped) a write. */
  versioned(item: Versioned, coordinator: string): void {
    const known = this.writes.get(item.value);
    if (known !== undefined && !supersedes(this.mode, item, known.item)) return;
    if (known === undefined && this.writes.size >= TRACKED_WRITE_COUNT_MAX) {
      this.overflowed = true;
      return;
    }
    this.writes.set(item.value, { item, coordinator });
  }

  /** The discarded writes among those the history shows acknowledged; null when unknown. */
  discarded(history: readonly RecordedOperation[] | null): DiscardedWrite[] | null {
    if (history === null || this.overflowed) return null;
    const overtaken = findOvertakenWrites(history, {
      itemOf: (value) => this.writes.get(value),
      wins: (a, b) => supersedes(this.mode, a.item, b.item),
    });
    return overtaken.map((entry) => ({
      key: entry.write.key,
      value: entry.write.written,
      cause: this.mode,
      reason: this.reason(entry),
    }));
  }

  private reason({ write, item, by, byItem }: OvertakenWrite<TrackedWrite>): string {
    const gapUs = write.invokeUs - by.completeUs!;
    const lostTo = `${this.mode}: lost to write ${String(by.written)} (acknowledged ${formatGap(gapUs)} before this one was invoked)`;
    if (this.mode === 'versions') {
      const [mine, theirs] = [versionCounter(item.item.version), versionCounter(byItem.item.version)];
      if (mine === theirs) return `${lostTo}, versioned with the same counter (${mine}): the tie goes to the coordinator listed later (${byItem.coordinator} over ${item.coordinator})`;
      return `${lostTo}, versioned higher: counter ${theirs} at ${byItem.coordinator} against ${mine} at ${item.coordinator}`;
    }
    const [mine, theirs] = [item.item.stamp!, byItem.item.stamp!];
    if (theirs.timestampUs === mine.timestampUs) {
      return `${lostTo}, stamped in the same microsecond: the tie goes to the writer named later (${theirs.writer} over ${mine.writer})`;
    }
    const later = `stamped later by ${formatGap(theirs.timestampUs - mine.timestampUs)}`;
    if (theirs.writer === mine.writer) return `${lostTo}, ${later} by the same clock (${mine.writer}'s, which went back)`;
    return `${lostTo}, ${later} (${theirs.writer}'s clock against ${mine.writer}'s)`;
  }
}

/** A short span in the unit that reads best: `595us`, `1.405ms`, `1.955s`. */
function formatGap(us: number): string {
  const round = (n: number): number => Math.round(n * 1000) / 1000;
  if (us < 1_000) return `${us}us`;
  if (us < 1_000_000) return `${round(us / 1_000)}ms`;
  return `${round(us / 1_000_000)}s`;
}
