// The body of `ddsim explore`: prepare and validate, open the results file (resuming), run the
// shard's remaining runs on the worker pool in chunks (each run's schedule generated here, its
// scenario text sent to a worker), write every failing run as a reproducer as soon as it is
// known, stop at the first failure unless --keep-going, shrink the failures with --shrink, then
// print the triage. Ctrl-C stops the workers (or the shrink), keeps every finished run in --out
// and every reproducer written, and exits 130; a second Ctrl-C ends at once.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exploreRunRecord, type ExploreRunRecord, type ShrunkRecord } from '../explore/explore-record.js';
import { summarizeExplore, type ExploreSummary } from '../explore/explore-summary.js';
import type { ExploreTask } from '../explore/explore-task.js';
import { runExploreTasks } from '../explore/explore-pool.js';
import { failureText } from '../explore/failure.js';
import { reproducerText } from '../explore/reproducer.js';
import { scheduleOf, type RunSchedule } from '../explore/schedule.js';
import { ShrinkInterrupted } from '../explore/shrink.js';
import { isInShard } from '../sweep/shard.js';
import type { CliIo } from './cli-io.js';
import { EXIT_FAILED, EXIT_INTERNAL, EXIT_INTERRUPTED, InputError, InterruptedError } from './errors.js';
import { openExploreOutput, type ExploreOutput } from './explore-output.js';
import { minimalFile, prepareExplore, reproducerFile, type ExploreCliOptions, type ExploreSetup } from './explore-setup.js';
import { shrinkAndWrite } from './shrink-session.js';
import { startSweepProgress } from './sweep-progress.js';
import { outputWidth, useColor } from './terminal.js';

export interface ExploreRunOptions extends ExploreCliOptions {
  readonly out?: string;
  readonly resume: boolean;
  readonly force: boolean;
  readonly keepGoing: boolean;
  readonly shrink: boolean;
  readonly format: 'pretty' | 'json';
  /** Tests substitute a worker entry. */
  readonly workerUrl?: URL;
}

/** Runs handed to the pool at once per worker: the pool restarts its workers between chunks. */
const CHUNK_RUNS_PER_WORKER = 32;

export async function runExplore(file: string, options: ExploreRunOptions, io: CliIo): Promise<void> {
  const setup = await prepareExplore(file, options, io.cwd);
  const planned = [...Array(setup.settings.runCount).keys()].filter((index) => setup.shard === null || isInShard(index, setup.shard));
  let output: ExploreOutput | null = null;
  let previousRuns: readonly ExploreRunRecord[] = [];
  let previousShrunk: readonly ShrunkRecord[] = [];
  if (options.out !== undefined) {
    const opened = openExploreOutput(options.out, { cwd: io.cwd, resume: options.resume, force: options.force, header: setup.header });
    ({ output, previousRuns, previousShrunk } = opened);
  }
  const interrupt = new AbortController();
  const onSignal = (): void => {
    if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  try {
    if (options.resume && previousRuns.length > 0) io.stderr.write(`resuming: ${previousRuns.length} runs already in ${options.out}\n`);
    const fresh = await explorePlanned(setup, planned, previousRuns, options, io, output, interrupt.signal);
    const runs = [...previousRuns, ...fresh];
    const shrunk = [...previousShrunk];
    let summary = summarizeExplore({ header: setup.header, plannedIndices: planned, runs, shrunk, keepGoing: options.keepGoing });
    if (options.shrink) {
      shrunk.push(...(await shrinkFailures(setup, summary, shrunk, options, io, output, interrupt.signal)));
      summary = summarizeExplore({ header: setup.header, plannedIndices: planned, runs, shrunk, keepGoing: options.keepGoing });
    }
    await writeReport(io, summary, options.format);
    if (summary.toolErrors.length > 0) io.setExitCode(EXIT_INTERNAL);
    if (summary.failures.length > 0) io.setExitCode(EXIT_FAILED);
  } finally {
    process.off('SIGINT', onSignal);
    output?.close();
  }
}

/** Runs the planned runs not yet done, in chunks; returns this session's records. */
async function explorePlanned(
  setup: ExploreSetup,
  planned: readonly number[],
  previous: readonly ExploreRunRecord[],
  options: ExploreRunOptions,
  io: CliIo,
  output: ExploreOutput | null,
  interrupt: AbortSignal,
): Promise<ExploreRunRecord[]> {
  const done = new Set(previous.map((run) => run.index));
  let firstBad = Math.min(...previous.filter((run) => !run.ok).map((run) => run.index));
  const stillNeeded = (index: number): boolean => options.keepGoing || index < firstBad;
  const remaining = planned.filter((index) => !done.has(index) && stillNeeded(index));
  const progress = await startSweepProgress(io, remaining.length, setup.shard === null ? 'explore' : `explore shard ${setup.shard.index}/${setup.shard.count}`);
  const fresh: ExploreRunRecord[] = [];
  const chunkSize = Math.max(1, setup.workerCount) * CHUNK_RUNS_PER_WORKER;
  try {
    for (let start = 0; start < remaining.length; start += chunkSize) {
      const chunk = remaining.slice(start, start + chunkSize).filter(stillNeeded);
      if (chunk.length === 0 || interrupt.aborted) break;
      const found = new AbortController();
      const finished = new Set<number>();
      const schedules = new Map(chunk.map((index) => [index, scheduleOf(setup.settings, setup.scenario.nodes.map((node) => node.name), setup.scenario.seed, index)]));
      const tasks = chunk.map((index) => taskOf(setup, schedules.get(index)!, io.cwd));
      await runExploreTasks(tasks, {
        workerCount: setup.workerCount,
        signal: AbortSignal.any([interrupt, found.signal]),
        ...(options.workerUrl === undefined ? {} : { workerUrl: options.workerUrl }),
        onOutcome: (task, outcome) => {
          const schedule = schedules.get(task.index)!;
          const draft = exploreRunRecord(setup.header.explore, schedule, outcome, null);
          const reproducer = draft.ok ? null : writeReproducer(task);
          const record = { ...draft, reproducer };
          output?.append(record);
          fresh.push(record);
          finished.add(task.index);
          if (!record.ok) firstBad = Math.min(firstBad, task.index);
          progress.update(fresh.length, fresh.filter((run) => !run.ok).length);
          // Stop once every run before the first failure is in: the result is then the same whatever the workers' timing.
          if (!options.keepGoing && chunk.every((index) => index >= firstBad || finished.has(index))) found.abort();
        },
      });
      if (!options.keepGoing && Number.isFinite(firstBad)) break;
    }
  } finally {
    progress.stop();
  }
  if (interrupt.aborted) {
    const kept = options.out === undefined ? 'no --out file: finished runs not kept' : `${previous.length + fresh.length} runs are in ${options.out}; add --resume to carry on`;
    throw new InterruptedError(`interrupted: ${kept}`);
  }
  return fresh;
}

function taskOf(setup: ExploreSetup, schedule: RunSchedule, cwd: string): ExploreTask {
  const file = reproducerFile(setup, schedule.index);
  const sets = setup.header.sets.length === 0 ? '' : ` with ${setup.header.sets.map((set) => `--set ${set}`).join(' ')}`;
  const text = reproducerText(setup.baseText, {
    name: setup.scenario.name,
    seed: schedule.seed,
    faults: schedule.faults,
    model: { written: setup.scenario.system.modelName, fromDir: setup.sourceDir, toDir: setup.failuresPath },
    comment: [
      `Run ${schedule.index} of \`ddsim explore ${setup.file}\`${sets} (explore seed ${setup.scenario.seed}): its seed and faults were generated.`,
      `Run it: ddsim run ${file}   Minimize it: ddsim shrink ${file}`,
      '',
    ],
  });
  return { index: schedule.index, file, cwd, sets: [], seed: schedule.seed, text, scenarioDir: setup.failuresPath };
}

/** The reproducer is exactly the text the run ran, saved where its `file` said it would be. */
function writeReproducer(task: ExploreTask): string {
  const path = resolve(task.cwd, task.file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, task.text);
  } catch (error) {
    throw new InputError([{ file: `--failures ${dirname(task.file)}`, line: 0, column: 0, path: '', message: `cannot write a failing run: ${(error as Error).message}` }]);
  }
  return task.file;
}

async function shrinkFailures(
  setup: ExploreSetup,
  summary: ExploreSummary,
  done: readonly ShrunkRecord[],
  options: ExploreRunOptions,
  io: CliIo,
  output: ExploreOutput | null,
  interrupt: AbortSignal,
): Promise<ShrunkRecord[]> {
  const shrunk: ShrunkRecord[] = [];
  for (const failure of summary.failures) {
    if (done.some((record) => record.index === failure.index)) continue;
    const schedule: RunSchedule = { index: failure.index, seed: failure.seed, faultNames: [], faults: failure.faults };
    const task = taskOf(setup, schedule, io.cwd);
    const minFile = minimalFile(task.file);
    try {
      const result = await shrinkAndWrite(
        io,
        { text: task.text, file: minFile, scenarioDir: setup.failuresPath, failure: failure.failure, events: failure.events, runsSpent: 0 },
        { maxRuns: setup.shrinkRunsMax, minFile, minPath: resolve(io.cwd, minFile), origin: `\`ddsim explore --shrink\` from ${task.file}`, interrupted: () => interrupt.aborted },
      );
      const record: ShrunkRecord = {
        type: 'shrunk',
        explore: setup.header.explore,
        index: failure.index,
        minFile,
        faults: result.faults,
        failure: failure.failure,
        runsSpent: result.runsSpent,
        budgetReached: result.budgetReached,
        before: result.before,
        after: result.after,
        changes: result.changes,
        kept: result.kept,
      };
      output?.append(record);
      shrunk.push(record);
    } catch (error) {
      if (!(error instanceof ShrinkInterrupted)) throw error;
      throw new InterruptedError(`interrupted while shrinking run ${failure.index} (${failureText(failure.failure)}) after ${error.runsSpent} runs: its reproducer ${task.file} is written, the minimal one is not`);
    }
  }
  return shrunk;
}

async function writeReport(io: CliIo, summary: ExploreSummary, format: 'pretty' | 'json'): Promise<void> {
  if (format === 'json') {
    const { renderExploreJson } = await import('../report/explore-json.js');
    io.stdout.write(renderExploreJson(summary));
    return;
  }
  const { renderExploreReport } = await import('../report/explore-report.js');
  io.stdout.write(renderExploreReport(summary, { color: useColor(io), widthColumns: outputWidth(io) }));
}
