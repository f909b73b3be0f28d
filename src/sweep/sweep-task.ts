// One run of a sweep as a worker receives it, and how a worker carries it out: load the scenario
// file with the run's `--set`s and seed, exactly as `ddsim run <file> --seed S --set ...` does
// (from the worker's cache of parsed files, src/io/scenario-file-cache.ts), and run it under the
// callback watchdog (src/run/callback-watchdog.ts). An exception (a model that throws or hangs,
// a bug) becomes an error outcome for that run.

import { ScenarioFileCache } from '../io/scenario-file-cache.js';
import { CallbackStuck, CallbackWatchdog } from '../run/callback-watchdog.js';
import type { RunResult } from '../result/run-result.js';
import type { ScenarioRun } from '../run/run-scenario.js';
import type { Scenario } from '../scenario/types.js';
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

/** A task with its scenario loaded, or with the outcome of a load that failed. */
export type PreparedTask =
  | { readonly task: SweepTask; readonly scenario: Scenario }
  | { readonly task: SweepTask; readonly outcome: RunOutcome };

/** Loads a task's scenario (its file parsed once per worker, then its sets and seed applied). */
export async function prepareTask(task: SweepTask, files: ScenarioFileCache): Promise<PreparedTask> {
  try {
    return { task, scenario: await files.load(task.file, { cwd: task.cwd, sets: task.sets, seed: task.seed }) };
  } catch (error) {
    return { task, outcome: errorOutcome(error) };
  }
}

/**
 * Runs prepared tasks in order and reports each outcome as it is known, in the same order: short
 * runs share guarded calls (CallbackWatchdog.runEach), a failed load is reported in its place.
 */
export function runPreparedTasks(prepared: readonly PreparedTask[], watchdog: CallbackWatchdog, report: (task: SweepTask, outcome: RunOutcome) => void): void {
  let group: { readonly task: SweepTask; readonly scenario: Scenario }[] = [];
  const runGroup = (): void => {
    const tasks = group;
    group = [];
    watchdog.runEach(
      tasks.map((item) => item.scenario),
      (index, run) => report(tasks[index]!.task, finishedOutcome(tasks[index]!.task, run)),
      (index, error) => report(tasks[index]!.task, errorOutcome(error)),
    );
  };
  for (const item of prepared) {
    if ('scenario' in item) {
      group.push(item);
      continue;
    }
    runGroup();
    report(item.task, item.outcome);
  }
  runGroup();
}

function finishedOutcome(task: SweepTask, run: ScenarioRun): RunOutcome {
  const pooled = task.pool === undefined || task.pool.length === 0 ? {} : { pooled: run.histogramSketches(task.pool) };
  return { ...resultOutcome(run.result()), ...pooled };
}

/** Tasks loaded (each file parsed once per worker), then run in order; each outcome reported as it is known. */
export async function executeTasks(tasks: readonly SweepTask[], { watchdog, files }: TaskContext, report: (task: SweepTask, outcome: RunOutcome) => void): Promise<void> {
  const prepared: PreparedTask[] = [];
  for (const task of tasks) prepared.push(await prepareTask(task, files));
  runPreparedTasks(prepared, watchdog, report);
}

/** One task, loaded and run. */
export async function executeTask(task: SweepTask, context: TaskContext = { watchdog: new CallbackWatchdog(), files: new ScenarioFileCache() }): Promise<RunOutcome> {
  let outcome: RunOutcome | null = null;
  await executeTasks([task], context, (_task, reported) => {
    outcome = reported;
  });
  return outcome!;
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
