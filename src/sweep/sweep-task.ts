// One run of a sweep as a worker receives it, and how a worker carries it out: load the scenario
// file with the run's `--set`s and seed, exactly as `ddsim run <file> --seed S --set ...` does
// (from the worker's cache of parsed files, src/io/scenario-file-cache.ts), and run it under the
// callback watchdog (src/run/callback-watchdog.ts). An exception (a model that throws or hangs,
// a bug) becomes an error outcome for that run.

import { ScenarioFileCache } from '../io/scenario-file-cache.js';
import { CallbackStuck, CallbackWatchdog } from '../run/callback-watchdog.js';
import type { RunResult } from '../result/run-result.js';
import { stuckCallbackMessage } from '../run/stuck-callback.js';
import { InputError } from '../errors/input-error.js';
import { AssertionError } from '../model/assert.js';
import type { RunErrorCause, RunOutcome } from './sweep-record.js';

export interface SweepTask {
  /** The run's index in the plan. */
  readonly index: number;
  readonly file: string;
  /** Directory the file path is relative to. */
  readonly cwd: string;
  readonly sets: readonly string[];
  readonly seed: number;
  /** Histograms whose samples the run returns as sketches (`ddsim sweep --pool`); absent: none. */
  readonly pool?: readonly string[];
}

export interface TaskContext {
  /** Stops a run whose model callback does not return (limits.callback-wall). */
  readonly watchdog: CallbackWatchdog;
  /** The scenario files this worker has parsed (one sweep's life). */
  readonly files: ScenarioFileCache;
}

export async function executeTask(task: SweepTask, { watchdog, files }: TaskContext = { watchdog: new CallbackWatchdog(), files: new ScenarioFileCache() }): Promise<RunOutcome> {
  try {
    const scenario = await files.load(task.file, { cwd: task.cwd, sets: task.sets, seed: task.seed });
    const run = watchdog.runToEnd(scenario);
    const pooled = task.pool === undefined || task.pool.length === 0 ? {} : { pooled: run.histogramSketches(task.pool) };
    return { ...resultOutcome(run.result()), ...pooled };
  } catch (error) {
    return errorOutcome(error);
  } finally {
    watchdog.heartbeat.leave(); // a model that threw left its callback marked as running
  }
}

/** A finished run as the sweep records it. */
export function resultOutcome(result: RunResult): RunOutcome {
  return {
    kind: 'result',
    ok: result.ok,
    stopReason: result.stopReason,
    metrics: result.metrics,
    expectations: result.expectations.map(({ expr, ok, observed, position }) => ({ expr, ok, observed, ...(position === undefined ? {} : { position }) })),
  };
}

/** A run that threw, hung or could not load, as the sweep records it. */
export function errorOutcome(error: unknown): RunOutcome {
  if (error instanceof CallbackStuck) return { kind: 'error', message: stuckCallbackMessage(error.snapshot), cause: 'model' };
  return { kind: 'error', message: errorMessage(error), cause: causeOf(error) };
}

/** Whose fault a run's exception is: ddsim's (an assertion), the input's, or the model's. */
function causeOf(error: unknown): RunErrorCause {
  if (error instanceof AssertionError) return 'internal';
  if (error instanceof InputError) return 'input';
  return 'model';
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.split('\n').slice(0, 5).join('\n');
  return String(error);
}
