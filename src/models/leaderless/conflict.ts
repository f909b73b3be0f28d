// Which of two writes of a key a replica keeps. There are no siblings: a replica holds one value
// per key, and every comparison below is a strict total order, so all replicas that see the same
// writes keep the same one whatever order they arrive in.
//
// - `versions` (the default): the higher version wins. A version is the coordinator's counter
//   (bumped per write, raised to the highest counter seen in read replies) times a stride plus the
//   coordinator's index, so it is unique.
// - `lww` (last write wins, as Cassandra): the higher timestamp wins, the timestamp being what the
//   writer's time-of-day clock (ctx.nowUs(): skewed, drifting, possibly stepped backwards) read when
//   it stamped the write. Equal timestamps: the writer whose name sorts later (by UTF-16 code
//   units, not locale) wins; the same writer twice in one microsecond: the higher version. A write
//   that loses is dropped silently: it was acknowledged all the same.
// Pure: no clock, no messages.

import type { ConflictMode } from './config.js';
import type { Versioned, WriteStamp } from './messages.js';

/** Versions are counter * VERSION_STRIDE + coordinator index: unique, and ordered by counter first. */
export const VERSION_STRIDE = 4096;

/** The counter part of a version (the rest is the coordinator's index). */
export function versionCounter(version: number): number {
  return Math.floor(version / VERSION_STRIDE);
}

/** Whether `a` replaces `b` at a replica (false for the same write). */
export function supersedes(mode: ConflictMode, a: Versioned, b: Versioned): boolean {
  if (mode === 'versions') return a.version > b.version;
  return compareStamped(a, b) > 0;
}

/** The item that wins among `items` (null when there is none). */
export function newest(mode: ConflictMode, items: Iterable<Versioned | null>): Versioned | null {
  let best: Versioned | null = null;
  for (const item of items) if (item && (!best || supersedes(mode, item, best))) best = item;
  return best;
}

/** Last-write-wins order: timestamp, then writer name, then version; > 0 when `a` wins. */
export function compareStamped(a: Versioned, b: Versioned): number {
  const stampA = stampOf(a);
  const stampB = stampOf(b);
  if (stampA.timestampUs !== stampB.timestampUs) return stampA.timestampUs - stampB.timestampUs;
  if (stampA.writer !== stampB.writer) return stampA.writer > stampB.writer ? 1 : -1;
  return a.version - b.version;
}

function stampOf(item: Versioned): WriteStamp {
  if (item.stamp === undefined) throw new Error(`leaderless: a last-write-wins replica got write ${String(item.value)} without a timestamp`);
  return item.stamp;
}
