// Scenario text -> validated, normalized Scenario: parse the YAML (with positions; or take a copy
// of a document parsed before, src/scenario/parsed-scenario-text.ts), apply --set overrides, read
// every section collecting all problems, then either return the scenario or throw one InputError
// listing every problem, sorted by position. The only async step is resolving the model; reading
// files and printing are the CLI's job.

import { declaredMetricNames } from '../metrics/metric-declarations.js';
import { basename, dirname, extname, resolve } from 'node:path';
import { InputError, type InputProblem } from '../errors/input-error.js';
import { parseScenarioText, type ParsedScenarioText } from './parsed-scenario-text.js';
import { CORE_METRIC_NAMES } from '../metrics/core-metric-names.js';
import { applySets } from './apply-sets.js';
import { parseExpectations, type ExpectationVocabulary } from './parse-expectations.js';
import type { ModelRoles } from './fault-entry-reader.js';
import { parseClocks } from './parse-clocks.js';
import { parseExplore } from './parse-explore.js';
import { parseFaults } from './parse-faults.js';
import { parseFinal } from './parse-final.js';
import { parseNetwork, parseRegions } from './parse-network.js';
import { parseNodes } from './parse-nodes.js';
import { parseSweep } from './parse-sweep.js';
import { callBounded } from '../kernel/bounded-call.js';
import { loadingBound, parseSystem, type ParsedSystem } from './parse-system.js';
import { ProblemCollector } from './problem-collector.js';
import type { ReaderContext } from './reader-context.js';
import type { ModelResolver } from './resolve-model.js';
import {
  CALLBACK_WALL_DEFAULT_US,
  CALLBACK_WALL_MAX_US,
  DURATION_MAX_US,
  EVENT_COUNT_MAX_DEFAULT,
  EVENT_COUNT_MAX_LIMIT,
  PENDING_EVENT_COUNT_MAX_DEFAULT,
  PENDING_EVENT_COUNT_MAX_LIMIT,
  SEED_DEFAULT,
  SEED_MAX,
  TOP_LEVEL_KEYS,
} from './scenario-keys.js';
import type { LimitsSpec, Scenario } from './types.js';
import { mapReaderAt, type YamlConfigReader } from './yaml-config-reader.js';
import { signedDurationAt } from './yaml-values.js';
import { formatDuration } from './units.js';

export interface LoadScenarioOptions {
  /** Path as the user wrote it (for messages and the reproduce command). */
  readonly file: string;
  /** File contents. */
  readonly text: string;
  /** `path=value` overrides, applied in order. */
  readonly sets?: readonly string[];
  /** Overrides the file's seed. */
  readonly seed?: number;
  /** Finds the model a scenario names: the model, or an error message. */
  readonly resolveModel: ModelResolver;
  /** Where relative model paths are resolved from; default: the directory of `file`. */
  readonly scenarioDir?: string;
}

/** What reading a parsed scenario needs: everything but the text. */
export type ReadScenarioOptions = Omit<LoadScenarioOptions, 'text'>;

/** Loads a scenario; throws InputError with every problem found. */
export async function loadScenario(options: LoadScenarioOptions): Promise<Scenario> {
  return loadParsedScenario(parseScenarioText(options.file, options.text), options);
}

/**
 * Loads a scenario from text parsed before (src/scenario/parsed-scenario-text.ts): the same
 * scenario, or the same problems, as `loadScenario` of that text. `parsed` is not changed.
 */
export async function loadParsedScenario(parsed: ParsedScenarioText, options: ReadScenarioOptions): Promise<Scenario> {
  const sets = options.sets ?? [];
  // A broken document cannot be validated meaningfully: report the syntax first.
  if (parsed.syntaxProblems.length > 0) throw new InputError(sortProblems(parsed.syntaxProblems, sets));
  const document = parsed.copyDocument();
  const setOrigins = new WeakMap<object, string>();
  const problems = new ProblemCollector({ file: options.file, lineCounter: parsed.lineCounter, setOrigins });
  for (const problem of applySets(document, sets, setOrigins)) problems.add(problem);

  const context: ReaderContext = { document, problems, topology: { nodeNames: [], complete: false } };
  if (document.contents === null) {
    problems.report({ node: null, path: '' }, 'the scenario is empty', 'see the README for an example scenario');
    throw new InputError(sortProblems(problems.problems, sets));
  }
  const root = mapReaderAt(context, { node: document.contents, path: '' }, 'a map of scenario sections (name, duration, nodes, ...)');
  if (root === null) throw new InputError(sortProblems(problems.problems, sets));
  const scenario = await readScenarioRoot(root, options, sets);
  if (problems.count > 0 || scenario === null) throw new InputError(sortProblems(problems.problems, sets));
  return scenario;
}

/** The roles faults may name: the system model's, or null (any) when the model could not be read. */
function rolesOf(system: ParsedSystem | null): ModelRoles | null {
  if (system === null) return null;
  const { model, modelName } = system;
  return { model: modelName, hasRoles: typeof model.roles === 'function', names: model.roleNames ?? null };
}

/** Reads every section of the scenario's root map (also run on key recorders by `ddsim schema`). */
export async function readScenarioRoot(root: YamlConfigReader, options: ReadScenarioOptions, sets: readonly string[]): Promise<Scenario | null> {
  root.expectKeys(TOP_LEVEL_KEYS);
  const scenario = await readScenario(root, options, sets);
  root.finish();
  return scenario;
}

async function readScenario(root: YamlConfigReader, options: ReadScenarioOptions, sets: readonly string[]): Promise<Scenario | null> {
  const name = root.string('name', { default: basename(options.file, extname(options.file)), description: 'shown in reports (default: the file name)' });
  const description = root.string('description', { default: '', description: 'what the scenario shows' });
  const fileSeed = root.number('seed', { default: SEED_DEFAULT, integer: true, min: 0, max: SEED_MAX, description: 'the master seed of every random stream (--seed overrides it)' });
  const seed = options.seed ?? fileSeed;
  if (!Number.isInteger(seed) || seed < 0 || seed > SEED_MAX) {
    root.context.problems.add({ file: '--seed', line: 0, column: 0, path: 'seed', message: `must be a whole number from 0 to ${SEED_MAX}, got ${seed}` });
  }
  const durationUs = readDuration(root);
  const limits = readLimits(root);
  const nodes = parseNodes(root);
  const regions = parseRegions(root);
  const network = parseNetwork(root);
  const clocks = parseClocks(root);
  const callbackWallUs = limits.callbackWallUs ?? CALLBACK_WALL_DEFAULT_US;
  const system = await parseSystem(root, options.resolveModel, options.scenarioDir ?? dirname(resolve(options.file)), callbackWallUs);
  const { faults, randomFaults } = parseFaults(root, durationUs, rolesOf(system));
  const expectations = parseExpectations(root, vocabularyOf(system, callbackWallUs));
  const sweep = parseSweep(root);
  const final = parseFinal(root);
  const explore = parseExplore(root, durationUs, rolesOf(system));
  if (durationUs === null || system === null) return null;
  return {
    name,
    description,
    seed,
    durationUs,
    nodes,
    regions,
    network,
    clocks,
    system,
    faults,
    randomFaults,
    expectations,
    limits,
    source: { file: options.file, sets: [...sets] },
    ...(sweep === null ? {} : { sweep }),
    ...(final === null ? {} : { final }),
    ...(explore === null ? {} : { explore }),
  };
}

function readDuration(root: YamlConfigReader): number | null {
  const problemsBefore = root.context.problems.count;
  const durationUs = root.duration('duration', { min: 1, max: DURATION_MAX_US, description: 'simulated time the workload runs, e.g. 60s' });
  return root.context.problems.count > problemsBefore ? null : durationUs;
}

function readLimits(root: YamlConfigReader): LimitsSpec {
  const limits = root.section('limits');
  if (limits === null) return { eventCountMax: EVENT_COUNT_MAX_DEFAULT };
  const eventCountMax = limits.number('events', { default: EVENT_COUNT_MAX_DEFAULT, integer: true, min: 1, max: EVENT_COUNT_MAX_LIMIT });
  const pendingEventCountMax = limits.number('pending-events', {
    default: PENDING_EVENT_COUNT_MAX_DEFAULT,
    integer: true,
    min: 1,
    max: PENDING_EVENT_COUNT_MAX_LIMIT,
  });
  const callbackWallUs = readCallbackWall(limits);
  limits.finish();
  return { eventCountMax, pendingEventCountMax, ...(callbackWallUs === null ? {} : { callbackWallUs }) };
}

/** `limits.callback-wall`: wall time, so it must be positive (0 would stop every run at once); null when absent or wrong. */
function readCallbackWall(limits: YamlConfigReader): number | null {
  const at = limits.value('callback-wall');
  if (at === undefined) return null;
  const us = signedDurationAt(limits.context, at, { max: CALLBACK_WALL_MAX_US });
  if (us === null) return null;
  if (us <= 0) {
    const hint = 'the wall time one model callback may run before the run stops as hung, e.g. 10s (the default); it cannot be switched off';
    limits.context.problems.report(at, `must be more than 0, got ${us === 0 ? '0' : `-${formatDuration(-us)}`}`, hint);
    return null;
  }
  return us;
}

function vocabularyOf(system: ParsedSystem | null, callbackWallUs: number): ExpectationVocabulary | null {
  if (system === null) return null;
  // A model whose configuration had problems may fail to name its metrics: then names go unchecked
  // (and a model whose metricNames never returns is stopped again, as hung, when its run is built).
  try {
    return callBounded(
      () => ({
        metricNames: declaredMetricNames([...CORE_METRIC_NAMES, ...system.model.metricNames(system.config)]),
        checkNames: system.model.checkNames?.(system.config) ?? [],
      }),
      loadingBound(system.modelName, callbackWallUs),
    );
  } catch {
    return null;
  }
}

/** The file's problems by position, then each --set expression's in the order they were given; stable. */
function sortProblems(problems: readonly InputProblem[], sets: readonly string[]): InputProblem[] {
  const rank = (problem: InputProblem): number => {
    if (!problem.file.startsWith('--')) return 0;
    const index = sets.findIndex((expression) => problem.file === `--set ${expression}`);
    return index < 0 ? sets.length + 1 : index + 1;
  };
  return [...problems].sort((a, b) => rank(a) - rank(b) || a.line - b.line || a.column - b.column);
}
