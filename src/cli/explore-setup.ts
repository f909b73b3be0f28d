// Turns `ddsim explore` options and the scenario's `explore:` section into a validated
// exploration, before any run: the flags become `--set explore.<key>=...` edits, so they are
// checked by the same reader as the section and a mistake is reported against the flag (exit 2).
// Reads files; prints nothing.

import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { exploreSettings, type ExploreSettings } from '../explore/explore-settings.js';
import { exploreHeader, type ExploreHeaderRecord } from '../explore/explore-record.js';
import { applyTextEdits } from '../explore/yaml-text-edits.js';
import { setEdits } from '../explore/reproducer.js';
import { loadScenarioFile, SCENARIO_FILE_BYTES_MAX, unreadableProblem } from '../io/scenario-file.js';
import { readTextFileBounded } from '../io/bounded-text-file.js';
import type { Scenario } from '../scenario/types.js';
import { splitTopLevel } from '../scenario/sweep-values.js';
import { parseShard, type Shard } from '../sweep/shard.js';
import { WORKER_COUNT_MAX } from '../sweep/worker-pool.js';
import { SHRINK_RUNS_DEFAULT } from '../explore/shrink.js';
import { InputError, type InputProblem } from './errors.js';
import { parseSeedOption } from './options.js';

export interface ExploreCliOptions {
  readonly seed?: string;
  readonly set: readonly string[];
  readonly runs?: string;
  readonly faults?: string;
  readonly nodes?: string;
  readonly faultsPerRun?: string;
  readonly for?: string;
  readonly at?: string;
  readonly workers?: string;
  readonly shard?: string;
  readonly failures?: string;
  readonly shrinkRuns?: string;
}

export interface ExploreSetup {
  readonly file: string;
  readonly scenario: Scenario;
  readonly settings: ExploreSettings;
  readonly header: ExploreHeaderRecord;
  /** The scenario text with the command's `--set`s written in. */
  readonly baseText: string;
  readonly shard: Shard | null;
  /** 0: runs in this process, one at a time. */
  readonly workerCount: number;
  readonly shrinkRunsMax: number;
  /** Where failing runs are written, as given and absolute. */
  readonly failuresDir: string;
  readonly failuresPath: string;
  readonly sourceDir: string;
}

export const DEFAULT_FAILURES_DIR = 'explore-failures';

const problem = (file: string, message: string, hint?: string): InputProblem => ({ file, line: 0, column: 0, path: '', message, ...(hint ? { hint } : {}) });

/** Each flag as the `--set` expression it stands for. */
function flagSets(options: ExploreCliOptions): { flag: string; expression: string }[] {
  const list = (text: string): string => JSON.stringify(splitTopLevel(text).filter((item) => item !== ''));
  const nodes = (text: string): string => (/^[[{]/.test(text.trim()) ? text : splitTopLevel(text).length > 1 ? list(text) : JSON.stringify(text));
  const count = (text: string): string => (/^\d+$/.test(text.trim()) ? text.trim() : JSON.stringify(text));
  const flags: [string, string | undefined, string, (text: string) => string][] = [
    ['--runs', options.runs, 'runs', (text) => (/^\d+$/.test(text.trim()) ? text.trim() : JSON.stringify(text))],
    ['--faults', options.faults, 'faults', list],
    ['--nodes', options.nodes, 'nodes', nodes],
    ['--faults-per-run', options.faultsPerRun, 'faults-per-run', count],
    ['--for', options.for, 'for', (text) => JSON.stringify(text)],
    ['--at', options.at, 'at', (text) => JSON.stringify(text)],
  ];
  return flags.filter(([, value]) => value !== undefined).map(([flag, value, key, toYaml]) => ({ flag: `${flag} ${value!}`, expression: `explore.${key}=${toYaml(value!)}` }));
}

export async function prepareExplore(file: string, options: ExploreCliOptions, cwd: string): Promise<ExploreSetup> {
  const problems: InputProblem[] = [];
  const seed = parseSeedOption(options.seed);
  const shard = options.shard === undefined ? null : parseShardOption(options.shard, problems);
  const workerCount = parseCount('--workers', options.workers, Math.min(availableParallelism(), WORKER_COUNT_MAX), 0, WORKER_COUNT_MAX, problems);
  const shrinkRunsMax = parseCount('--shrink-runs', options.shrinkRuns, SHRINK_RUNS_DEFAULT, 1, 100_000, problems);
  const flags = flagSets(options);
  let text: string;
  try {
    text = readTextFileBounded(resolve(cwd, file), SCENARIO_FILE_BYTES_MAX);
  } catch (error) {
    throw new InputError([unreadableProblem(file, error), ...problems]);
  }
  let scenario: Scenario;
  try {
    scenario = await loadScenarioFile(file, { cwd, sets: [...options.set, ...flags.map((flag) => flag.expression)], ...(seed === undefined ? {} : { seed }) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const byExpression = new Map(flags.map((flag) => [`--set ${flag.expression}`, flag.flag]));
    throw new InputError([...error.problems.map((found) => ({ ...found, file: byExpression.get(found.file) ?? found.file })), ...problems]);
  }
  if (problems.length > 0) throw new InputError(problems);
  const settings = exploreSettings(scenario);
  const header = exploreHeader(
    { file, scenarioSha256: createHash('sha256').update(text).digest('hex'), sets: [...options.set], exploreSeed: scenario.seed, settings },
    shard,
  );
  const failuresDir = options.failures ?? DEFAULT_FAILURES_DIR;
  return {
    file,
    scenario,
    settings,
    header,
    baseText: applyTextEdits(text, setEdits(options.set)),
    shard,
    workerCount,
    shrinkRunsMax,
    failuresDir,
    failuresPath: resolve(cwd, failuresDir),
    sourceDir: dirname(resolve(cwd, file)),
  };
}

/** `<failures>/<name>.explore-<seed>-<run>.yaml`: the reproducer of one run. */
export function reproducerFile(setup: ExploreSetup, index: number): string {
  const name = setup.scenario.name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return join(setup.failuresDir, `${name}.explore-${setup.scenario.seed}-${index}.yaml`);
}

/** `x.yaml` -> `x.min.yaml`. */
export function minimalFile(file: string): string {
  return file.replace(/\.ya?ml$/, '') + '.min.yaml';
}

function parseShardOption(text: string, problems: InputProblem[]): Shard | null {
  const parsed = parseShard(text);
  if (parsed.ok) return parsed.value;
  problems.push(problem(`--shard ${text}`, parsed.message));
  return null;
}

function parseCount(flag: string, text: string | undefined, fallback: number, min: number, max: number, problems: InputProblem[]): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    problems.push(problem(`${flag} ${text}`, `must be a whole number from ${min} to ${max}`));
    return fallback;
  }
  return Number(text);
}
