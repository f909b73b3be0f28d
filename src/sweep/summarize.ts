// The summary of a sweep: per parameter combination, how many runs there are (and should be),
// the pass rate of each expectation, and the median and 5-95 % range across seeds of chosen
// metrics; the best combination; and, with exactly two varied paths (two or more values each), a grid of one metric (first
// path down, second across). Pure and order-independent: records are taken in plan order.

import { expectationOutcome, type ExpectationOutcome } from '../result/expectation-outcome.js';
import type { ExpectationPosition } from '../result/run-result.js';
import { metricDirection } from './metric-direction.js';
import { poolHistograms, type PooledHistogram } from './pooled-histograms.js';
import type { RunRecord } from './sweep-record.js';
import type { PlannedRun, SweepPlan } from './sweep-plan.js';
import { spreadOf, type Spread } from './statistics.js';

export interface ExpectationRate {
  readonly expr: string;
  readonly passed: number;
  readonly runs: number;
  /** passed / runs, null without runs. A run that threw counts as not passed. */
  readonly rate: number | null;
  /** Runs in which it was violated (not counting undecided ones and runs that threw). */
  readonly failed: number;
  /** Runs in which it could not be decided (n/a, `unknown (...)`): not ok, but no violation either. */
  readonly undecided: number;
  /** Seeds of the runs in which it did not hold (violated, undecided, or the run threw), in plan order. */
  readonly failedSeeds: readonly number[];
  /** The command that reproduces the first of those runs; null when it always held. */
  readonly firstFailureReproduce: string | null;
  /** Where the `expect:` entry is written (from the first run that says so); absent when none does. */
  readonly position?: ExpectationPosition;
}

export interface MetricSpread extends Spread {
  readonly name: string;
}

export interface CombinationSummary {
  readonly index: number;
  /** '' when nothing is varied. */
  readonly key: string;
  readonly params: readonly { readonly path: string; readonly value: string }[];
  /** Runs this summary expected (the shard's or the whole plan's). */
  readonly expectedRuns: number;
  readonly runs: number;
  /** Runs where every expectation held. */
  readonly okRuns: number;
  /** Runs that threw. */
  readonly errorRuns: number;
  /** Seeds of the runs that were not ok (failed an expectation, did not complete, or threw), in plan order. */
  readonly failedSeeds: readonly number[];
  /** Seeds of the runs that did not complete (event budget, drain or pending limit: exit 3). */
  readonly incompleteSeeds: readonly number[];
  /** Seeds of the runs that threw (the model, or ddsim itself). */
  readonly errorSeeds: readonly number[];
  readonly passRate: number | null;
  readonly expectations: readonly ExpectationRate[];
  readonly metrics: readonly MetricSpread[];
  /** The first failing run in plan order, to reproduce. */
  readonly firstFailure: { readonly id: string; readonly reproduce: string; readonly error: string | null } | null;
  /** With `--pool`: each pooled histogram, its samples merged across the combination's runs. */
  readonly pooled?: readonly PooledHistogram[];
}

export interface GridSummary {
  readonly metric: string;
  readonly rowPath: string;
  readonly rowValues: readonly string[];
  readonly columnPath: string;
  readonly columnValues: readonly string[];
  /** [row][column]: the cell's position in `combinations`, -1 when it has no summary. */
  readonly cells: readonly (readonly number[])[];
}

export interface SweepSummary {
  readonly fingerprint: string;
  readonly file: string;
  readonly varyPaths: readonly string[];
  readonly seedCount: number;
  readonly metrics: readonly string[];
  readonly expectedRuns: number;
  readonly runs: number;
  readonly okRuns: number;
  readonly errorRuns: number;
  readonly missingRuns: number;
  readonly combinations: readonly CombinationSummary[];
  /** The best combination by pass rate, then by the first metric's median; null with fewer than two. */
  readonly bestIndex: number | null;
  readonly grid: GridSummary | null;
  /** With `--pool`: the histograms pooled per combination (absent otherwise). */
  readonly pool?: readonly string[];
}

export interface SummarizeOptions {
  readonly plan: SweepPlan;
  /** Records in plan order, one per run (see collectRuns). */
  readonly records: readonly RunRecord[];
  /** Runs that should be there: a shard's, or the whole plan. */
  readonly expected: readonly PlannedRun[];
  readonly metrics: readonly string[];
  /** Metric for the grid (default: the first of `metrics`). */
  readonly gridMetric?: string;
  /** Histograms to pool across each combination's runs (`--pool`); none when absent or empty. */
  readonly pool?: readonly string[];
}

export function summarizeSweep(options: SummarizeOptions): SweepSummary {
  const { plan, records, expected, metrics } = options;
  const pool = options.pool ?? [];
  const expressions = expectationOrder(records);
  const recordsByCombination = new Map<number, RunRecord[]>();
  for (const record of records) {
    const combinationIndex = plan.runs[record.index].combinationIndex;
    const list = recordsByCombination.get(combinationIndex) ?? [];
    list.push(record);
    recordsByCombination.set(combinationIndex, list);
  }
  const expectedByCombination = new Map<number, number>();
  for (const run of expected) expectedByCombination.set(run.combinationIndex, (expectedByCombination.get(run.combinationIndex) ?? 0) + 1);

  const combinations = plan.combinations
    .filter((combination) => expectedByCombination.has(combination.index) || recordsByCombination.has(combination.index))
    .map((combination) =>
      summarizeCombination(combination, recordsByCombination.get(combination.index) ?? [], expectedByCombination.get(combination.index) ?? 0, expressions, metrics),
    )
    .map((summary) => (pool.length === 0 ? summary : { ...summary, pooled: poolHistograms(recordsByCombination.get(summary.index) ?? [], pool) }));
  const runs = records.length;
  const okRuns = records.filter((record) => record.ok).length;
  const errorRuns = records.filter((record) => record.error !== null).length;
  const recordedIndexes = new Set(records.map((record) => record.index));
  return {
    fingerprint: plan.fingerprint,
    file: plan.definition.file,
    varyPaths: plan.definition.vary.map((parameter) => parameter.path),
    seedCount: plan.definition.seeds.length,
    metrics,
    expectedRuns: expected.length,
    runs,
    okRuns,
    errorRuns,
    missingRuns: expected.filter((run) => !recordedIndexes.has(run.index)).length,
    combinations,
    bestIndex: bestCombination(combinations, metrics[0]),
    grid: gridOf(plan, combinations, options.gridMetric ?? metrics[0] ?? null),
    ...(pool.length === 0 ? {} : { pool }),
  };
}

/** Expressions in order of first appearance (every run of a scenario has the same ones). */
function expectationOrder(records: readonly RunRecord[]): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const expectation of record.expectations) {
      if (!seen.has(expectation.expr)) {
        seen.add(expectation.expr);
        order.push(expectation.expr);
      }
    }
  }
  return order;
}

function summarizeCombination(
  combination: SweepPlan['combinations'][number],
  records: readonly RunRecord[],
  expectedRuns: number,
  expressions: readonly string[],
  metrics: readonly string[],
): CombinationSummary {
  const okRuns = records.filter((record) => record.ok).length;
  const failure = records.find((record) => !record.ok);
  return {
    index: combination.index,
    key: combination.key,
    params: combination.params,
    expectedRuns,
    runs: records.length,
    okRuns,
    errorRuns: records.filter((record) => record.error !== null).length,
    failedSeeds: records.filter((record) => !record.ok).map((record) => record.seed),
    incompleteSeeds: records.filter((record) => record.stopReason !== null && record.stopReason !== 'completed').map((record) => record.seed),
    errorSeeds: records.filter((record) => record.error !== null).map((record) => record.seed),
    passRate: records.length === 0 ? null : okRuns / records.length,
    expectations: expressions.map((expr) => expectationRate(expr, records)),
    metrics: metrics.map((name) => ({ name, ...spreadOf(records.map((record) => record.metrics[name])) })),
    firstFailure: failure === undefined ? null : { id: failure.id, reproduce: failure.reproduce, error: failure.error },
  };
}

function expectationRate(expr: string, records: readonly RunRecord[]): ExpectationRate {
  const outcomeIn = (record: RunRecord): ExpectationOutcome | null => {
    const recorded = record.expectations.find((e) => e.expr === expr);
    return recorded === undefined ? null : expectationOutcome(recorded);
  };
  const count = (outcome: ExpectationOutcome): number => records.filter((record) => outcomeIn(record) === outcome).length;
  const passed = count('passed');
  const notHeld = records.filter((record) => outcomeIn(record) !== 'passed');
  const position = records.flatMap((record) => record.expectations).find((e) => e.expr === expr && e.position !== undefined)?.position;
  return {
    expr,
    passed,
    runs: records.length,
    rate: records.length === 0 ? null : passed / records.length,
    failed: count('failed'),
    undecided: count('undecided'),
    failedSeeds: notHeld.map((record) => record.seed),
    firstFailureReproduce: notHeld[0]?.reproduce ?? null,
    ...(position === undefined ? {} : { position }),
  };
}

function bestCombination(combinations: readonly CombinationSummary[], metric: string | undefined): number | null {
  const candidates = combinations.filter((combination) => combination.passRate !== null);
  if (combinations.length < 2 || candidates.length === 0) return null;
  const direction = metric === undefined ? 'higher' : metricDirection(metric);
  const score = (combination: CombinationSummary): number => {
    const median = combination.metrics[0]?.median ?? null;
    if (median === null) return -Infinity;
    return direction === 'higher' ? median : -median;
  };
  let best = candidates[0];
  for (const combination of candidates.slice(1)) {
    const better =
      combination.passRate! > best.passRate! || (combination.passRate === best.passRate && score(combination) > score(best));
    if (better) best = combination;
  }
  return best.index;
}

function gridOf(plan: SweepPlan, combinations: readonly CombinationSummary[], metric: string | null): GridSummary | null {
  const vary = plan.definition.vary;
  if (vary.length !== 2 || metric === null || vary.some((parameter) => parameter.values.length < 2)) return null;
  const [rows, columns] = vary;
  const positionByIndex = new Map(combinations.map((combination, position) => [combination.index, position]));
  const cells = rows.values.map((_, row) =>
    columns.values.map((_, column) => positionByIndex.get(row * columns.values.length + column) ?? -1),
  );
  return { metric, rowPath: rows.path, rowValues: rows.values, columnPath: columns.path, columnValues: columns.values, cells };
}
