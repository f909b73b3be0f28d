// Puts run records from one or more files (shards, resumed sweeps) against their plan: which
// planned runs are present, which appear more than once (overlapping shards), which records do
// not belong to the plan, and which planned runs are missing. Pure; the result is in plan order,
// so a summary does not depend on the order in which runs finished or files were given.

import type { RunRecord } from './sweep-record.js';
import type { PlannedRun, SweepPlan } from './sweep-plan.js';

export interface SourcedRecord {
  readonly source: string;
  readonly record: RunRecord;
}

export interface Overlap {
  readonly id: string;
  readonly sources: readonly string[];
}

export interface CollectedRuns {
  /** One record per planned run present, in plan order. */
  readonly records: readonly RunRecord[];
  readonly overlaps: readonly Overlap[];
  /** Records whose id or index is not in the plan, as `source: id`. */
  readonly foreign: readonly string[];
  /** Planned runs (of the expected subset) with no record. */
  readonly missing: readonly PlannedRun[];
}

/** `expected`: the planned runs that should be present (a shard's, or the whole plan). */
export function collectRuns(plan: SweepPlan, sourced: readonly SourcedRecord[], expected: readonly PlannedRun[] = plan.runs): CollectedRuns {
  const byIndex = new Map<number, SourcedRecord[]>();
  const foreign: string[] = [];
  for (const item of sourced) {
    const planned = plan.runs[item.record.index];
    if (item.record.sweep !== plan.fingerprint || planned === undefined || planned.id !== item.record.id) {
      foreign.push(`${item.source}: ${item.record.id}`);
      continue;
    }
    const list = byIndex.get(item.record.index) ?? [];
    list.push(item);
    byIndex.set(item.record.index, list);
  }
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  const overlaps: Overlap[] = indexes
    .filter((index) => byIndex.get(index)!.length > 1)
    .map((index) => ({ id: plan.runs[index].id, sources: byIndex.get(index)!.map((item) => item.source) }));
  const records = indexes.map((index) => byIndex.get(index)![0].record);
  const missing = expected.filter((run) => !byIndex.has(run.index));
  return { records, overlaps, foreign, missing };
}
