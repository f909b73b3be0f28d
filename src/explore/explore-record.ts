// The JSON Lines file of an exploration: a header (`"type":"explore"`) with everything that
// decides the schedules, one line per finished run (`"type":"run"`: its seed, its generated
// faults, its outcome), and one per shrunk failure (`"type":"shrunk"`). Written as runs finish,
// so an interrupted exploration loses nothing; `--resume` reads it back. The fingerprint covers
// what decides run i's schedule, not the number of runs: `--resume --runs 2000` extends a file
// of 1000. Pure: building and parsing records, no file access.

import { createHash } from 'node:crypto';
import { EXIT_INTERNAL, EXIT_INVALID, EXIT_MODEL_FAILED, finishedRunExitCode } from '../result/exit-codes.js';
import type { StopReason } from '../result/run-result.js';
import type { Shard } from '../sweep/shard.js';
import type { RecordedExpectation, RunOutcome } from '../sweep/sweep-record.js';
import type { ExploreSettings } from './explore-settings.js';
import { failureOf, type FailureSignature } from './failure.js';
import type { FaultEntry } from './fault-generators.js';
import type { RunSchedule } from './schedule.js';

export const EXPLORE_SCHEMA_VERSION = 1;
/** Bumped whenever the generators draw differently: old files then no longer resume. */
export const GENERATOR_VERSION = 1;

export interface ExploreDefinition {
  readonly file: string;
  readonly scenarioSha256: string;
  readonly sets: readonly string[];
  readonly exploreSeed: number;
  readonly settings: ExploreSettings;
}

export interface ExploreHeaderRecord extends ExploreDefinition {
  readonly type: 'explore';
  readonly schema: number;
  readonly explore: string;
  readonly runCount: number;
  readonly shard: Shard | null;
}

export interface ExploreRunRecord {
  readonly type: 'run';
  readonly explore: string;
  readonly index: number;
  readonly seed: number;
  /** The fault kinds this run drew from (its swarm subset). */
  readonly faultNames: readonly string[];
  readonly faults: readonly FaultEntry[];
  readonly ok: boolean;
  /** What `ddsim run` of the reproducer exits with (0, 1, 3, 4, 70; 2 for a generated scenario ddsim refused). */
  readonly exitCode: number;
  readonly stopReason: StopReason | null;
  readonly error: string | null;
  readonly failure: FailureSignature | null;
  /** The reproducer's path, when the run failed and it was written. */
  readonly reproducer: string | null;
  readonly metrics: Readonly<Record<string, number | null>>;
  readonly expectations: readonly RecordedExpectation[];
}

/** Faults, simulated duration (ms) and events of a scenario before or after shrinking. */
export interface ShrinkFigures {
  readonly faultCount: number;
  readonly durationMs: number;
  readonly events: number;
}

export interface ShrunkRecord {
  readonly type: 'shrunk';
  readonly explore: string;
  readonly index: number;
  readonly minFile: string;
  readonly faults: readonly FaultEntry[];
  readonly failure: FailureSignature;
  readonly runsSpent: number;
  /** The run budget ran out before every step was done. */
  readonly budgetReached: boolean;
  readonly before: ShrinkFigures;
  readonly after: ShrinkFigures;
  /** What was removed or reduced, one line each. */
  readonly changes: readonly string[];
  /** What was present but kept, and why. */
  readonly kept: readonly string[];
}

export function exploreFingerprint(definition: ExploreDefinition): string {
  const { runCount: _runCount, ...decisive } = definition.settings;
  const text = JSON.stringify({ schema: EXPLORE_SCHEMA_VERSION, generator: GENERATOR_VERSION, ...definition, settings: decisive });
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function exploreHeader(definition: ExploreDefinition, shard: Shard | null): ExploreHeaderRecord {
  return {
    type: 'explore',
    schema: EXPLORE_SCHEMA_VERSION,
    explore: exploreFingerprint(definition),
    ...definition,
    runCount: definition.settings.runCount,
    shard,
  };
}

export function exploreRunRecord(fingerprint: string, schedule: RunSchedule, outcome: RunOutcome, reproducer: string | null): ExploreRunRecord {
  const base = { type: 'run' as const, explore: fingerprint, index: schedule.index, seed: schedule.seed, faultNames: schedule.faultNames, faults: schedule.faults };
  const failure = failureOf(outcome);
  if (outcome.kind === 'error') {
    const exitCode = outcome.cause === 'model' ? EXIT_MODEL_FAILED : outcome.cause === 'input' ? EXIT_INVALID : EXIT_INTERNAL;
    return { ...base, ok: false, exitCode, stopReason: null, error: outcome.message, failure, reproducer, metrics: {}, expectations: [] };
  }
  const metrics: Record<string, number | null> = {};
  for (const name of Object.keys(outcome.metrics).sort()) metrics[name] = Number.isFinite(outcome.metrics[name]) ? outcome.metrics[name]! : null;
  const expectations = outcome.expectations.map(({ expr, ok, observed }) => ({
    expr,
    ok,
    observed: typeof observed === 'number' && !Number.isFinite(observed) ? null : observed,
  }));
  const exitCode = finishedRunExitCode(outcome.stopReason, outcome.ok);
  return { ...base, ok: outcome.ok, exitCode, stopReason: outcome.stopReason, error: null, failure, reproducer, metrics, expectations };
}

export interface ParsedExploreFile {
  readonly header: ExploreHeaderRecord | null;
  readonly runs: readonly ExploreRunRecord[];
  readonly shrunk: readonly ShrunkRecord[];
  /** Lines that are not records, as `line N: reason`. */
  readonly problems: readonly string[];
  /** Bytes of complete lines: a last line without a newline was cut off by an interruption. */
  readonly completeLength: number;
}

/** Parses an explore JSONL text; a truncated last line (no newline) is ignored, not a problem. */
export function parseExploreJsonl(text: string): ParsedExploreFile {
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  const problems: string[] = [];
  const runs: ExploreRunRecord[] = [];
  const shrunk: ShrunkRecord[] = [];
  let header: ExploreHeaderRecord | null = null;
  complete.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let record: { type?: unknown; schema?: unknown; explore?: unknown; index?: unknown };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      problems.push(`line ${i + 1}: not JSON`);
      return;
    }
    const where = `line ${i + 1}`;
    if (typeof record.explore !== 'string') problems.push(`${where}: not an explore record (no "explore" fingerprint)`);
    else if (record.type === 'explore') {
      if (record.schema !== EXPLORE_SCHEMA_VERSION) problems.push(`${where}: explore schema ${String(record.schema)} is not supported (expected ${EXPLORE_SCHEMA_VERSION})`);
      else if (header !== null) problems.push(`${where}: a second explore header`);
      else header = record as unknown as ExploreHeaderRecord;
    } else if (record.type === 'run' && Number.isInteger(record.index)) runs.push(record as unknown as ExploreRunRecord);
    else if (record.type === 'shrunk' && Number.isInteger(record.index)) shrunk.push(record as unknown as ShrunkRecord);
    else problems.push(`${where}: not an explore record (type explore, run or shrunk)`);
  });
  return { header, runs, shrunk, problems, completeLength: Buffer.byteLength(complete, 'utf8') };
}

export function recordLine(record: ExploreHeaderRecord | ExploreRunRecord | ShrunkRecord): string {
  return JSON.stringify(record);
}
