// What an exploration found, as plain data for the report and the JSON: from the header and the
// run and shrink records (this session's and those resumed from the file), in run order. When it
// stops at the first failure, only runs up to that one count, so the summary does not depend on
// which runs the workers happened to finish after it.

import type { Shard } from '../sweep/shard.js';
import type { ExploreHeaderRecord, ExploreRunRecord, ShrunkRecord } from './explore-record.js';
import type { ExploreSettings } from './explore-settings.js';
import { failureText, type FailureSignature } from './failure.js';
import type { FaultEntry } from './fault-generators.js';
import { triage, type TriageGroup } from './triage.js';

export interface FailureSummary {
  readonly index: number;
  readonly seed: number;
  readonly failure: FailureSignature;
  readonly failureText: string;
  readonly exitCode: number;
  /** Kernel events of the run (0 when it threw). */
  readonly events: number;
  readonly faults: readonly FaultEntry[];
  readonly reproducer: string | null;
  readonly error: string | null;
  readonly shrunk: ShrunkRecord | null;
}

export interface ExploreSummary {
  readonly file: string;
  readonly fingerprint: string;
  readonly exploreSeed: number;
  readonly settings: ExploreSettings;
  readonly shard: Shard | null;
  /** Runs of this shard the exploration was asked for. */
  readonly plannedRuns: number;
  /** Runs that count (all done, or those up to the first failure). */
  readonly doneRuns: number;
  readonly keepGoing: boolean;
  /** The first failing run when the exploration stopped there. */
  readonly stoppedAt: number | null;
  readonly failures: readonly FailureSummary[];
  /** Runs ddsim could not carry out (an internal error, a generated scenario it refused). */
  readonly toolErrors: readonly { readonly index: number; readonly error: string }[];
  readonly groups: readonly TriageGroup[];
}

export interface SummaryInput {
  readonly header: ExploreHeaderRecord;
  readonly plannedIndices: readonly number[];
  readonly runs: readonly ExploreRunRecord[];
  readonly shrunk: readonly ShrunkRecord[];
  readonly keepGoing: boolean;
}

export function summarizeExplore(input: SummaryInput): ExploreSummary {
  const planned = new Set(input.plannedIndices);
  const byIndex = new Map<number, ExploreRunRecord>();
  for (const run of input.runs) if (planned.has(run.index) && !byIndex.has(run.index)) byIndex.set(run.index, run);
  const all = [...byIndex.values()].sort((a, b) => a.index - b.index);
  const firstBad = all.find((run) => !run.ok);
  const stoppedAt = input.keepGoing || firstBad === undefined ? null : firstBad.index;
  const counted = stoppedAt === null ? all : all.filter((run) => run.index <= stoppedAt);
  const shrunkByIndex = new Map(input.shrunk.map((record) => [record.index, record]));
  const failures = counted.filter((run) => run.failure !== null).map((run) => failureSummary(run, shrunkByIndex.get(run.index) ?? null));
  return {
    file: input.header.file,
    fingerprint: input.header.explore,
    exploreSeed: input.header.exploreSeed,
    settings: input.header.settings,
    shard: input.header.shard,
    plannedRuns: input.plannedIndices.length,
    doneRuns: counted.length,
    keepGoing: input.keepGoing,
    stoppedAt,
    failures,
    toolErrors: counted.filter((run) => !run.ok && run.failure === null).map((run) => ({ index: run.index, error: run.error ?? `exit ${run.exitCode}` })),
    groups: triage(
      failures.map((failure) => ({
        index: failure.index,
        failure: failure.failure,
        faults: failure.shrunk?.faults ?? failure.faults,
        shrunk: failure.shrunk !== null,
        file: failure.shrunk?.minFile ?? failure.reproducer,
      })),
    ),
  };
}

function failureSummary(run: ExploreRunRecord, shrunk: ShrunkRecord | null): FailureSummary {
  const failure = run.failure!;
  return {
    index: run.index,
    seed: run.seed,
    failure,
    failureText: failureText(failure),
    exitCode: run.exitCode,
    events: run.metrics['events'] ?? 0,
    faults: run.faults,
    reproducer: run.reproducer,
    error: run.error,
    shrunk,
  };
}
