// Sharding: `--shard k/n` (1-based, like jest and playwright) selects a deterministic, balanced
// subset of a plan's runs: round-robin over the plan order, so every shard gets within one run of
// the same count and a share of every parameter combination (slow and fast settings mix).
// The shards of a plan partition it: every run is in exactly one shard.

import type { Parsed } from '../scenario/sweep-values.js';
import type { PlannedRun } from './sweep-plan.js';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

export const SHARD_COUNT_MAX = 100_000;

export function parseShard(text: string): Parsed<Shard> {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (match === null) return { ok: false, message: `--shard ${text}: expected k/n, e.g. 1/4 (shards are numbered from 1)` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > SHARD_COUNT_MAX) return { ok: false, message: `--shard ${text}: n must be from 1 to ${SHARD_COUNT_MAX}` };
  if (index < 1 || index > count) return { ok: false, message: `--shard ${text}: k must be from 1 to ${count}` };
  return { ok: true, value: { index, count } };
}

export function isInShard(runIndex: number, shard: Shard): boolean {
  return runIndex % shard.count === shard.index - 1;
}

export function selectShard(runs: readonly PlannedRun[], shard: Shard | null): PlannedRun[] {
  return shard === null ? [...runs] : runs.filter((run) => isInShard(run.index, shard));
}
