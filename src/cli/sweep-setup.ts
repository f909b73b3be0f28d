// Turns `ddsim sweep` options and the scenario's `sweep:` section into a validated plan, before
// any run starts: parses --vary/--seeds/--shard/--metrics/--workers, loads the scenario once per
// parameter combination (so a bad value anywhere is exit code 2 with every problem listed), and
// checks the metric names against the model's. Reads files; prints nothing.

import { declaredMetricNames } from '../metrics/metric-declarations.js';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { CORE_METRIC_NAMES } from '../metrics/core-metric-names.js';
import { suggestionHint } from '../scenario/did-you-mean.js';
import { parseSetPath } from '../scenario/apply-sets.js';
import type { Scenario } from '../scenario/types.js';
import { parseShard, type Shard } from '../sweep/shard.js';
import { buildSweepPlan, runCountOf, RUN_COUNT_MAX, type SweepPlan, type VaryParameter } from '../sweep/sweep-plan.js';
import { parseSeedList, parseVaryOption } from '../scenario/sweep-values.js';
import { WORKER_COUNT_MAX } from '../sweep/worker-pool.js';
import { formatProblem, InputError, type InputProblem } from './errors.js';
import { loadScenarioFile, unreadableProblem } from '../io/scenario-file.js';

export interface SweepCliOptions {
  readonly vary: readonly string[];
  readonly seeds?: string;
  readonly set: readonly string[];
  readonly shard?: string;
  readonly metrics?: string;
  readonly workers?: string;
  readonly grid?: string;
  /** `--pool a,b`: histograms (names without .p50 etc.) whose samples are merged per combination. */
  readonly pool?: string;
}

export interface SweepSetup {
  readonly plan: SweepPlan;
  readonly shard: Shard | null;
  readonly metrics: readonly string[];
  readonly gridMetric: string | undefined;
  readonly workerCount: number;
  /** Histograms to pool (empty without --pool). */
  readonly pool: readonly string[];
}

/** Metrics shown when neither --metrics nor `sweep.metrics` names any (those the model has). */
const DEFAULT_METRICS = ['availability', 'latency.p99'];

const problem = (file: string, path: string, message: string, hint?: string): InputProblem => ({
  file,
  line: 0,
  column: 0,
  path,
  message,
  ...(hint ? { hint } : {}),
});

export async function prepareSweep(file: string, options: SweepCliOptions, cwd: string): Promise<SweepSetup> {
  const problems: InputProblem[] = [];
  const cliVary = parseVaryOptions(options.vary, problems);
  const cliSeeds = options.seeds === undefined ? null : parseSeedsOption(options.seeds, problems);
  const shard = options.shard === undefined ? null : parseShardOption(options.shard, problems);
  const workerCount = parseWorkers(options.workers, problems);
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new InputError([unreadableProblem(file, error), ...problems]);
  }
  let base: Scenario;
  try {
    base = await loadScenarioFile(file, { cwd, sets: options.set });
  } catch (error) {
    if (error instanceof InputError) throw new InputError([...error.problems, ...problems]);
    throw error;
  }
  if (problems.length > 0) throw new InputError(problems);

  const vary = mergeVary(base.sweep?.vary ?? [], cliVary);
  const seeds = cliSeeds ?? base.sweep?.seeds ?? [base.seed];
  const runCount = runCountOf(vary, seeds.length);
  if (runCount > RUN_COUNT_MAX) {
    throw new InputError([problem('--vary', '', `the sweep has ${runCount} runs; at most ${RUN_COUNT_MAX} are allowed`)]);
  }
  const plan = buildSweepPlan({
    file,
    scenarioSha256: createHash('sha256').update(text).digest('hex'),
    baseSets: options.set,
    vary,
    seeds,
  });
  await validateCombinations(plan, cwd);
  const known = declaredMetricNames([...CORE_METRIC_NAMES, ...base.system.model.metricNames(base.system.config)]);
  const metrics = chooseMetrics(options.metrics, base, known);
  const gridMetric = options.grid;
  if (gridMetric !== undefined) checkMetricNames([gridMetric], known, '--grid');
  const pool = options.pool === undefined ? [] : parsePool(options.pool, known);
  return { plan, shard, metrics, gridMetric, workerCount, pool };
}

function parseVaryOptions(texts: readonly string[], problems: InputProblem[]): VaryParameter[] {
  const vary: VaryParameter[] = [];
  for (const text of texts) {
    const parsed = parseVaryOption(text);
    if (!parsed.ok) {
      problems.push(problem(`--vary ${text}`, '', parsed.message));
      continue;
    }
    const segments = parseSetPath(parsed.value.path);
    if (typeof segments === 'string') problems.push(problem(`--vary ${text}`, '', segments));
    else if (vary.some((parameter) => parameter.path === parsed.value.path)) {
      problems.push(problem(`--vary ${text}`, parsed.value.path, 'this path is varied twice', 'give all its values in one --vary'));
    } else vary.push(parsed.value);
  }
  return vary;
}

/** The file's varied paths in their order, each replaced by --vary's values; new paths after. */
function mergeVary(fromFile: readonly VaryParameter[], fromCli: readonly VaryParameter[]): VaryParameter[] {
  const merged = fromFile.map((parameter) => fromCli.find((cli) => cli.path === parameter.path) ?? parameter);
  return [...merged, ...fromCli.filter((cli) => !fromFile.some((parameter) => parameter.path === cli.path))];
}

function parseSeedsOption(text: string, problems: InputProblem[]): number[] | null {
  const parsed = parseSeedList(text);
  if (parsed.ok) return parsed.value;
  problems.push(problem(`--seeds ${text}`, 'seeds', parsed.message, 'e.g. --seeds 1..200 or --seeds 200'));
  return null;
}

function parseShardOption(text: string, problems: InputProblem[]): Shard | null {
  const parsed = parseShard(text);
  if (parsed.ok) return parsed.value;
  problems.push(problem(`--shard ${text}`, '', parsed.message));
  return null;
}

function parseWorkers(text: string | undefined, problems: InputProblem[]): number {
  const cores = availableParallelism();
  if (text === undefined) return Math.min(cores, WORKER_COUNT_MAX);
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > WORKER_COUNT_MAX) {
    problems.push(problem(`--workers ${text}`, '', `must be a whole number from 1 to ${WORKER_COUNT_MAX}`, `this machine has ${cores} cores`));
    return 1;
  }
  return Number(text);
}

/** Loads every combination (with the first seed) and throws every distinct problem found. */
async function validateCombinations(plan: SweepPlan, cwd: string): Promise<void> {
  const problems = new Map<string, InputProblem>();
  const seed = plan.definition.seeds[0];
  for (const combination of plan.combinations) {
    // Plan order is combination-major: the combination's first run.
    const run = plan.runs[combination.index * plan.definition.seeds.length];
    try {
      await loadScenarioFile(plan.definition.file, { cwd, sets: run.sets, seed });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const found of error.problems) problems.set(formatProblem(found), found);
    }
  }
  if (problems.size > 0) throw new InputError([...problems.values()]);
}

function chooseMetrics(option: string | undefined, base: Scenario, known: readonly string[]): string[] {
  if (option !== undefined) {
    const names = option.split(',').map((name) => name.trim()).filter((name) => name !== '');
    checkMetricNames(names, known, '--metrics');
    return names;
  }
  const fromFile = base.sweep?.metrics ?? [];
  if (fromFile.length > 0) {
    checkMetricNames(fromFile, known, 'sweep.metrics');
    return [...fromFile];
  }
  const fromExpectations = base.expectations.flatMap((expectation) => (expectation.kind === 'compare' ? [expectation.metric] : []));
  const chosen = fromExpectations.length > 0 ? fromExpectations : DEFAULT_METRICS.filter((name) => known.includes(name));
  return [...new Set(chosen)];
}

/** `--pool`: histogram names the model declares (`{ histogram: ... }`: its `.p50` is a known metric). */
function parsePool(text: string, known: readonly string[]): string[] {
  const names = [...new Set(text.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
  const histograms = known.filter((name) => name.endsWith('.p50')).map((name) => name.slice(0, -'.p50'.length));
  const problems = names
    .filter((name) => !histograms.includes(name))
    .map((name) => {
      const base = name.replace(/\.(mean|p50|p90|p99|p999|max)$/, '');
      const hint = histograms.includes(base)
        ? `give the histogram's name, \`${base}\`: its samples are pooled, then every quantile is taken`
        : suggestionHint(name, histograms, 'histograms') ?? (histograms.length === 0 ? 'this model records no histograms' : `histograms: ${histograms.join(', ')}`);
      return problem('--pool', name, `"${name}" is not a histogram of this model`, hint);
    });
  if (names.length === 0) problems.push(problem('--pool', '', 'name at least one histogram', 'e.g. --pool leader.election-time'));
  if (problems.length > 0) throw new InputError(problems);
  return names;
}

function checkMetricNames(names: readonly string[], known: readonly string[], where: string): void {
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  throw new InputError(
    unknown.map((name) => problem(where, name, `unknown metric "${name}"`, suggestionHint(name, known, 'metrics') ?? `known: ${known.join(', ')}`)),
  );
}
