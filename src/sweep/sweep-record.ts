// The JSON Lines file of a sweep: a header line (`"type":"sweep"`) describing the plan, then one
// line per finished run (`"type":"run"`) with its parameters, seed, metrics and expectation
// results, written as runs finish so an interrupted sweep loses nothing. The header carries the
// whole definition, so `ddsim merge` can rebuild the plan and name missing runs without the
// command line that started the sweep. Pure: building and parsing records, no file access.

import { reproduceCommand } from '../run/reproduce-command.js';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_MODEL_FAILED, finishedRunExitCode } from '../result/exit-codes.js';
import type { ExpectationPosition, StopReason } from '../result/run-result.js';
import type { HistogramSketch } from '../metrics/streaming-histogram.js';
import type { Shard } from './shard.js';
import { buildSweepPlan, type PlannedRun, type SweepDefinition, type SweepPlan, type VaryParameter } from './sweep-plan.js';

export const SWEEP_SCHEMA_VERSION = 1;

export interface SweepHeaderRecord {
  readonly type: 'sweep';
  readonly schema: number;
  /** The plan's fingerprint; every run line repeats it. */
  readonly sweep: string;
  readonly file: string;
  readonly scenarioSha256: string;
  readonly baseSets: readonly string[];
  readonly vary: readonly VaryParameter[];
  readonly seeds: readonly number[];
  /** Metrics the summary shows (median and 5-95 % range). */
  readonly metrics: readonly string[];
  readonly runCount: number;
  /** The shard this file holds, or null for a whole sweep (or a merge). */
  readonly shard: Shard | null;
}

export interface RecordedExpectation {
  readonly expr: string;
  readonly ok: boolean;
  readonly observed: number | string | null;
  /** Where the `expect:` entry is written (1-based); absent for one from `--set`, and in older files. */
  readonly position?: ExpectationPosition;
}

export interface RunRecord {
  readonly type: 'run';
  readonly sweep: string;
  readonly index: number;
  readonly id: string;
  readonly params: Readonly<Record<string, string>>;
  readonly seed: number;
  /** True when every expectation held and the run completed (false for an error). */
  readonly ok: boolean;
  /** null when the run threw. */
  readonly stopReason: StopReason | null;
  /** The exception's message when the run threw (a bug, or a model that failed), else null. */
  readonly error: string | null;
  /** Flat, sorted by name; times in ms; null for a value that could not be computed. */
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly expectations: readonly RecordedExpectation[];
  /**
   * With `ddsim sweep --pool`: the samples of each pooled histogram as a mergeable sketch (null
   * when the run recorded none). Absent otherwise.
   */
  readonly pooled?: Readonly<Record<string, HistogramSketch | null>>;
  /** `ddsim run <file> --seed S --set ...`: exactly this run. */
  readonly reproduce: string;
  /**
   * What `ddsim run` of exactly this run exits with: 0 ok, 1 an expectation failed, 2 invalid
   * input, 3 did not complete, 4 the model threw, 70 a ddsim bug. Absent in files written before
   * it existed (read as runExitCodeOf derives it).
   */
  readonly exitCode?: number;
}

/** Whose fault a run's exception was. */
export type RunErrorCause = 'model' | 'internal' | 'input';

/** What a worker reports for one run: plain data, structured-clone safe. */
export type RunOutcome =
  | {
      readonly kind: 'result';
      readonly ok: boolean;
      readonly stopReason: StopReason;
      readonly metrics: Readonly<Record<string, number>>;
      readonly expectations: readonly RecordedExpectation[];
      /** With `--pool`: the samples of each pooled histogram (null: none recorded). */
      readonly pooled?: Readonly<Record<string, HistogramSketch | null>>;
    }
  | { readonly kind: 'error'; readonly message: string; readonly cause: RunErrorCause };

export function headerRecord(plan: SweepPlan, metrics: readonly string[], shard: Shard | null): SweepHeaderRecord {
  const { definition } = plan;
  return {
    type: 'sweep',
    schema: SWEEP_SCHEMA_VERSION,
    sweep: plan.fingerprint,
    file: definition.file,
    scenarioSha256: definition.scenarioSha256,
    baseSets: definition.baseSets,
    vary: definition.vary,
    seeds: definition.seeds,
    metrics,
    runCount: plan.runs.length,
    shard,
  };
}

export function definitionOf(header: SweepHeaderRecord): SweepDefinition {
  return {
    file: header.file,
    scenarioSha256: header.scenarioSha256,
    baseSets: header.baseSets,
    vary: header.vary,
    seeds: header.seeds,
  };
}

export function runRecord(plan: SweepPlan, run: PlannedRun, outcome: RunOutcome): RunRecord {
  const combination = plan.combinations[run.combinationIndex];
  const params: Record<string, string> = {};
  for (const param of combination.params) params[param.path] = param.value;
  const base = {
    type: 'run' as const,
    sweep: plan.fingerprint,
    index: run.index,
    id: run.id,
    params,
    seed: run.seed,
  };
  const reproduce = reproduceCommand(plan.definition.file, run.seed, run.sets);
  if (outcome.kind === 'error') {
    const exitCode = ERROR_EXIT_CODES[outcome.cause];
    return { ...base, ok: false, stopReason: null, error: outcome.message, metrics: {}, expectations: [], reproduce, exitCode };
  }
  const metrics: Record<string, number | null> = {};
  for (const name of Object.keys(outcome.metrics).sort()) {
    const value = outcome.metrics[name];
    metrics[name] = Number.isFinite(value) ? value : null;
  }
  const expectations = outcome.expectations.map(({ expr, ok, observed, position }) => ({
    expr,
    ok,
    observed: typeof observed === 'number' && !Number.isFinite(observed) ? null : observed,
    ...(position === undefined ? {} : { position }),
  }));
  const exitCode = finishedRunExitCode(outcome.stopReason, outcome.ok);
  const pooled = outcome.pooled === undefined ? {} : { pooled: outcome.pooled };
  return { ...base, ok: outcome.ok, stopReason: outcome.stopReason, error: null, metrics, expectations, ...pooled, reproduce, exitCode };
}

const ERROR_EXIT_CODES: Readonly<Record<RunErrorCause, number>> = { model: EXIT_MODEL_FAILED, internal: EXIT_INTERNAL, input: EXIT_INVALID };

/** The record's exit code; for records written before they carried one, derived from the rest. */
export function runExitCodeOf(record: RunRecord): number {
  if (record.exitCode !== undefined) return record.exitCode;
  if (record.error !== null || record.stopReason === null) return EXIT_MODEL_FAILED;
  return finishedRunExitCode(record.stopReason, record.ok);
}

export interface ParsedSweepFile {
  readonly header: SweepHeaderRecord | null;
  readonly runs: readonly RunRecord[];
  /** Lines that are not records, as `line N: reason`. */
  readonly problems: readonly string[];
  /** Bytes of complete lines: a last line without a newline was cut off by an interruption. */
  readonly completeLength: number;
}

/** Parses a sweep JSONL text; a truncated last line (no newline) is ignored, not a problem. */
export function parseSweepJsonl(text: string): ParsedSweepFile {
  const lastNewline = text.lastIndexOf('\n');
  const complete = text.slice(0, lastNewline + 1);
  const problems: string[] = [];
  const runs: RunRecord[] = [];
  let header: SweepHeaderRecord | null = null;
  complete.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const record = value as { type?: unknown };
    if (record.type === 'sweep') {
      const shapeProblem = headerProblem(value);
      if (shapeProblem !== null) problems.push(`line ${i + 1}: ${shapeProblem}`);
      else if (header !== null) problems.push(`line ${i + 1}: a second sweep header`);
      else header = value as SweepHeaderRecord;
    } else if (record.type === 'run') {
      const shapeProblem = runProblem(value);
      if (shapeProblem !== null) problems.push(`line ${i + 1}: ${shapeProblem}`);
      else runs.push(value as RunRecord);
    } else {
      problems.push(`line ${i + 1}: not a sweep record (no "type": "sweep" or "run")`);
    }
  });
  return { header, runs, problems, completeLength: Buffer.byteLength(complete, 'utf8') };
}

function headerProblem(value: unknown): string | null {
  const header = value as Partial<SweepHeaderRecord>;
  if (header.schema !== SWEEP_SCHEMA_VERSION) return `sweep schema ${String(header.schema)} is not supported (expected ${SWEEP_SCHEMA_VERSION})`;
  const fieldsOk =
    typeof header.sweep === 'string' &&
    typeof header.file === 'string' &&
    typeof header.scenarioSha256 === 'string' &&
    Array.isArray(header.baseSets) &&
    Array.isArray(header.vary) &&
    Array.isArray(header.seeds) &&
    Array.isArray(header.metrics);
  if (!fieldsOk) return 'the sweep header lacks fields';
  try {
    const plan = buildSweepPlan(definitionOf(header as SweepHeaderRecord));
    if (plan.fingerprint !== header.sweep) return 'the sweep header does not match its fingerprint (edited?)';
  } catch (error) {
    return `the sweep header is not a valid plan: ${(error as Error).message}`;
  }
  return null;
}

function runProblem(value: unknown): string | null {
  const run = value as Partial<RunRecord>;
  const fieldsOk =
    typeof run.sweep === 'string' &&
    typeof run.id === 'string' &&
    Number.isInteger(run.index) &&
    Number.isInteger(run.seed) &&
    typeof run.ok === 'boolean' &&
    typeof run.metrics === 'object' &&
    run.metrics !== null &&
    Array.isArray(run.expectations);
  return fieldsOk ? null : 'a run record lacks fields';
}

/** One line of JSON (no newline). */
export function recordLine(record: SweepHeaderRecord | RunRecord): string {
  return JSON.stringify(record);
}
