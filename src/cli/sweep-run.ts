// The body of `ddsim sweep`: prepare and validate the plan, open the results file (resuming),
// run the remaining runs of the shard on the worker pool with a progress line, then summarize
// everything the file and this session hold for the shard. Ctrl-C stops the workers, keeps every
// finished run in the file (whole lines only) and exits 130; a second Ctrl-C ends at once.

import { collectRuns } from '../sweep/collect-runs.js';
import { selectShard } from '../sweep/shard.js';
import { summarizeSweep } from '../sweep/summarize.js';
import { headerRecord, runRecord, type RunRecord } from '../sweep/sweep-record.js';
import type { SweepTask } from '../sweep/sweep-task.js';
import { runTasks } from '../sweep/worker-pool.js';
import type { CliIo } from './cli-io.js';
import { EXIT_INTERRUPTED, InterruptedError } from './errors.js';
import { checkReportTarget, writeReportAtomically } from './report-file.js';
import { openSweepOutput, type SweepOutput } from './sweep-output.js';
import { startSweepProgress } from './sweep-progress.js';
import { prepareSweep, type SweepCliOptions } from './sweep-setup.js';
import { setSweepExitCode, writeSummary, type SummaryFormat } from './sweep-summary-output.js';

export interface SweepRunOptions extends SweepCliOptions {
  readonly out?: string;
  /** Also write the summary's HTML page here (refused before running when it exists, unless force). */
  readonly report?: string;
  readonly resume: boolean;
  /** Replace an existing --out file (otherwise refused unless --resume). */
  readonly force?: boolean;
  readonly format: SummaryFormat;
  readonly fail: boolean;
  /** Tests substitute a worker entry. */
  readonly workerUrl?: URL;
}

export async function runSweep(file: string, options: SweepRunOptions, io: CliIo): Promise<void> {
  const setup = await prepareSweep(file, options, io.cwd);
  const reportPath = options.report === undefined ? null : checkReportTarget(options.report, { cwd: io.cwd, force: options.force === true });
  const { plan, shard } = setup;
  const header = headerRecord(plan, setup.metrics, shard);
  const expected = selectShard(plan.runs, shard);
  let output: SweepOutput | null = null;
  let previous: readonly RunRecord[] = [];
  if (options.out !== undefined) {
    const opened = openSweepOutput(options.out, { cwd: io.cwd, resume: options.resume, force: options.force === true, header });
    output = opened.output;
    previous = opened.previous;
  }
  const doneIndexes = new Set(previous.filter((record) => plan.runs[record.index]?.id === record.id).map((record) => record.index));
  const remaining = expected.filter((run) => !doneIndexes.has(run.index));
  if (options.resume && previous.length > 0) {
    io.stderr.write(`resuming: ${expected.length - remaining.length} of ${expected.length} runs already in ${options.out}\n`);
  }
  const pool = setup.pool.length === 0 ? {} : { pool: setup.pool };
  const tasks: SweepTask[] = remaining.map((run) => ({ index: run.index, file, cwd: io.cwd, sets: run.sets, seed: run.seed, ...pool }));
  const label = shard === null ? 'sweep' : `sweep shard ${shard.index}/${shard.count}`;
  const progress = await startSweepProgress(io, tasks.length, label);
  const fresh: RunRecord[] = [];
  let failed = 0;
  const interrupt = new AbortController();
  const onSignal = (): void => {
    if (interrupt.signal.aborted) process.exit(EXIT_INTERRUPTED);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal);
  try {
    await runTasks(tasks, {
      signal: interrupt.signal,
      workerCount: setup.workerCount,
      ...(options.workerUrl === undefined ? {} : { workerUrl: options.workerUrl }),
      onOutcome: (task, outcome) => {
        const record = runRecord(plan, plan.runs[task.index], outcome);
        output?.append(record);
        fresh.push(record);
        if (!record.ok) failed++;
        progress.update(fresh.length, failed);
      },
    });
  } finally {
    process.off('SIGINT', onSignal);
    progress.stop();
    output?.close();
  }
  if (interrupt.signal.aborted) {
    const kept = options.out === undefined ? 'no --out file: nothing kept' : `${previous.length + fresh.length} of ${expected.length} runs are in ${options.out}; add --resume to carry on`;
    throw new InterruptedError(`interrupted: ${kept}`);
  }
  const sourced = [...previous, ...fresh].map((record) => ({ source: options.out ?? 'this sweep', record }));
  const collected = collectRuns(plan, sourced, expected);
  const expectedIndexes = new Set(expected.map((run) => run.index));
  const records = collected.records.filter((record) => expectedIndexes.has(record.index));
  const summary = summarizeSweep({
    plan,
    records,
    expected,
    metrics: setup.metrics,
    ...(setup.gridMetric === undefined ? {} : { gridMetric: setup.gridMetric }),
    ...pool,
  });
  await writeSummary(io, summary, options.format);
  if (reportPath !== null) {
    const { renderSweepHtml } = await import('../report/html/sweep-html.js');
    writeReportAtomically(options.report!, reportPath, renderSweepHtml(summary));
  }
  setSweepExitCode(io, summary, records, options.fail);
}
