// A sweep plan: the cartesian product of the varied values times the seeds, as a list of runs in
// a fixed order (combination-major, seed-minor; the first varied path changes slowest). Each run
// has a stable id built from its parameters and seed, and the `--set` expressions that make
// `ddsim run <file> --seed S --set ...` do exactly that run. Pure: no files, no workers.

import { createHash } from 'node:crypto';

/** One varied key path and its values, as `--set` value text. */
export interface VaryParameter {
  readonly path: string;
  readonly values: readonly string[];
}

export interface SweepDefinition {
  /** The scenario file as the user wrote it (runs are reproduced with this path). */
  readonly file: string;
  /** SHA-256 (hex) of the scenario file's text: shards of different files never merge. */
  readonly scenarioSha256: string;
  /** `--set` expressions applied to every run, before the varied ones. */
  readonly baseSets: readonly string[];
  readonly vary: readonly VaryParameter[];
  readonly seeds: readonly number[];
}

/** One parameter combination: a value for each varied path. */
export interface Combination {
  readonly index: number;
  /** `workload.timeout=50ms network.loss=0.02`, or '' when nothing is varied. */
  readonly key: string;
  readonly params: readonly { readonly path: string; readonly value: string }[];
}

export interface PlannedRun {
  /** Position in the plan (0-based); shards and summaries order by it. */
  readonly index: number;
  /** `workload.timeout=50ms seed=7`: unique within the plan, stable across machines. */
  readonly id: string;
  readonly combinationIndex: number;
  readonly seed: number;
  /** Base sets followed by one `path=value` per varied path. */
  readonly sets: readonly string[];
}

export interface SweepPlan {
  readonly definition: SweepDefinition;
  /** Identifies the definition: equal fingerprints mean the same runs of the same file. */
  readonly fingerprint: string;
  readonly combinations: readonly Combination[];
  readonly runs: readonly PlannedRun[];
}

/** Bounds a sweep: more runs than this is a typo, not a plan. */
export const RUN_COUNT_MAX = 10_000_000;

export function combinationKey(params: readonly { readonly path: string; readonly value: string }[]): string {
  return params.map((param) => `${param.path}=${param.value}`).join(' ');
}

export function runId(key: string, seed: number): string {
  return key === '' ? `seed=${seed}` : `${key} seed=${seed}`;
}

export function fingerprintOf(definition: SweepDefinition): string {
  const canonical = JSON.stringify([
    1,
    definition.file,
    definition.scenarioSha256,
    definition.baseSets,
    definition.vary.map((parameter) => [parameter.path, parameter.values]),
    definition.seeds,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/** Every combination of the varied values, the first path changing slowest. */
export function combinationsOf(vary: readonly VaryParameter[]): Combination[] {
  let partial: { path: string; value: string }[][] = [[]];
  for (const parameter of vary) {
    partial = partial.flatMap((params) => parameter.values.map((value) => [...params, { path: parameter.path, value }]));
  }
  return partial.map((params, index) => ({ index, key: combinationKey(params), params }));
}

export function runCountOf(vary: readonly VaryParameter[], seedCount: number): number {
  return vary.reduce((count, parameter) => count * parameter.values.length, 1) * seedCount;
}

/** The plan; throws an Error for a programmer mistake (the CLI validates user input first). */
export function buildSweepPlan(definition: SweepDefinition): SweepPlan {
  const paths = new Set(definition.vary.map((parameter) => parameter.path));
  if (paths.size !== definition.vary.length) throw new Error('buildSweepPlan: a path is varied twice');
  if (definition.vary.some((parameter) => parameter.values.length === 0)) throw new Error('buildSweepPlan: empty value list');
  if (definition.seeds.length === 0) throw new Error('buildSweepPlan: no seeds');
  const runCount = runCountOf(definition.vary, definition.seeds.length);
  if (runCount > RUN_COUNT_MAX) throw new Error(`buildSweepPlan: ${runCount} runs exceed ${RUN_COUNT_MAX}`);
  const combinations = combinationsOf(definition.vary);
  const runs: PlannedRun[] = [];
  for (const combination of combinations) {
    const sets = [...definition.baseSets, ...combination.params.map((param) => `${param.path}=${param.value}`)];
    for (const seed of definition.seeds) {
      runs.push({ index: runs.length, id: runId(combination.key, seed), combinationIndex: combination.index, seed, sets });
    }
  }
  if (new Set(runs.map((run) => run.id)).size !== runs.length) throw new Error('buildSweepPlan: run ids are not unique');
  return { definition, fingerprint: fingerprintOf(definition), combinations, runs };
}
