// `ddsim run <files...>`: loads every scenario first (so invalid input writes nothing and exits 2),
// then runs each, printing its output in the chosen format (src/output/run/) and exiting 1 when
// an expectation failed. A spinner shows on a terminal for runs that take longer than about a second.
// --trace also writes each run's events as a Trace Event Format file (src/cli/trace-file.ts).
// `--report <file.html>` also writes the HTML report (one page, a section per run) atomically; it
// and `--format html` need the messages of a window (`--messages`, default around the first
// violation or fault), captured by a second run of the same seed once the first has shown where
// (or by the first run itself when --messages names the window and no trace takes the capture).
// Model code runs under a watchdog (src/run/callback-watchdog.ts): a callback that does not return
// within limits.callback-wall of wall time stops its run (exit 4); the other files still run.

import type { Command } from 'commander';
import type { RunResult, RunTiming } from '../../result/run-result.js';
import type { Scenario } from '../../scenario/types.js';
import { AssertionError } from '../../model/assert.js';
import {
  EXIT_CODES_HELP,
  EXIT_MODEL_FAILED,
  InternalRunError,
  InterruptedError,
  ModelHungError,
  ModelRuntimeError,
  UsageError,
} from '../errors.js';
import { interruptible, interruptRequested } from '../interrupt.js';
import { loadScenarioFiles } from '../../io/scenario-file.js';
import { reproduceCommand } from '../../run/reproduce-command.js';
import { finishedRunExitCode } from '../../result/exit-codes.js';
import { collectRepeatable, parseSeedOption } from '../options.js';
import { canShowProgress, outputWidth, spinnerOptions, useColor } from '../terminal.js';
import type { FinishedRun, OutputContext } from '../../output/output-format.js';
import { formatNames, RUN_FORMATS } from '../../output/registry.js';
import type { CliIo } from '../cli-io.js';
import { parseTraceOptions, type TraceCliOptions, type TraceRequest } from '../trace-options.js';
import type { CaptureOptions, CapturedRun } from '../../capture/event-capture.js';
import { defaultMessageWindow, messageCaptureOptions, type MessageWindow } from '../../report/message-window.js';
import { parseMessagesOption } from '../message-window-option.js';
import { checkReportTarget, writeReportAtomically } from '../report-file.js';
import { writeJobSummary } from '../job-summary.js';
import { CallbackStuck, CallbackWatchdog } from '../../run/callback-watchdog.js';

interface RunOptions extends TraceCliOptions {
  readonly seed?: string;
  readonly force?: boolean;
  readonly set: string[];
  readonly format: string;
  readonly quiet?: boolean;
  readonly checkDeterminism?: boolean;
  readonly report?: string;
  readonly messages?: string;
}

const SPINNER_DELAY_MS = 1000;

export function define(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('run scenario files and compare what happened with what was expected')
    .argument('<files...>', 'scenario files (YAML)')
    .option('--seed <n>', "override the scenario's seed")
    .option('--set <path=value>', 'override a scenario value, e.g. network.loss=0.05 (repeatable)', collectRepeatable, [])
    .option('--format <format>', formatNames(RUN_FORMATS), 'pretty')
    .option('-q, --quiet', 'print one summary line per run (pretty format)')
    .option('--check-determinism', 'run each scenario twice first and compare every event (exit 4 when they differ)')
    .option('--trace <file.json>', 'write the run\'s events in the Trace Event Format (open in ui.perfetto.dev); a directory: one <name>.<seed>.trace.json per run')
    .option('--trace-window <from..to>', 'trace only this span of simulated time, e.g. 10s..12s (default: the whole run)')
    .option('--trace-max-events <n>', 'trace at most this many events (default 100000; later ones are counted, not kept)')
    .option('--report <file.html>', 'also write the HTML report (one self-contained page, a section per run) to this new file')
    .option('--messages <A..B>', 'window of the HTML message diagram, e.g. 10s..10.5s (default: 500ms around the first violation, else the first fault)')
    .option('--force', 'replace an existing --trace or --report file')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[], options: RunOptions) => {
      const format = RUN_FORMATS.find((candidate) => candidate.name === options.format);
      if (format === undefined) throw new UsageError(`--format must be ${RUN_FORMATS.map((f) => f.name).join(' or ')}, not "${options.format}"`);
      const context: OutputContext = { color: useColor(io), widthColumns: outputWidth(io), quiet: options.quiet === true };
      const seed = parseSeedOption(options.seed);
      const trace = parseTraceOptions(options);
      const wantsMessages = format.wantsMessages === true || options.report !== undefined;
      const explicitWindow = parseMessagesOption(options.messages);
      if (explicitWindow !== undefined && !wantsMessages) throw new UsageError('--messages needs --report <file.html> or --format html');
      const reportPath = options.report === undefined ? null : checkReportTarget(options.report, { cwd: io.cwd, force: options.force === true });
      const scenarios = await loadScenarioFiles(files, {
        cwd: io.cwd,
        sets: options.set,
        ...(seed === undefined ? {} : { seed }),
      });
      const tracePaths = trace === null ? null : await planTraces(trace, scenarios, io, options.force === true);
      const runs: FinishedRun[] = [];
      const outputContext: OutputContext = { ...context, plannedRunCount: scenarios.length };
      const watchdog = new CallbackWatchdog();
      try {
        for (const [index, scenario] of scenarios.entries()) {
          if (options.checkDeterminism === true && !(await interruptible(() => isDeterministic(scenario, io, watchdog)))) continue;
          // One capture per run: the trace's, else the message window's when --messages names it.
          const firstCapture = trace !== null ? trace.capture : wantsMessages && explicitWindow !== undefined ? messageCaptureOptions(explicitWindow) : undefined;
          const simulated = await interruptible(() => simulateOrReport(scenario, io, watchdog, firstCapture, trace !== null));
          if (simulated === null) continue; // the model failed: reported, the other files still run
          const { captured, ...first } = simulated;
          if (captured !== null && trace !== null && tracePaths !== null) await writeTrace(captured, first.result, trace, tracePaths[index]!, io);
          const run: FinishedRun = !wantsMessages
            ? first
            : trace === null && explicitWindow !== undefined && captured !== null
              ? { ...first, messages: { window: explicitWindow, captured } }
              : await withMessages(first, scenario, io, watchdog, explicitWindow);
          runs.push(run);
          io.stdout.write(await format.afterRun(run, outputContext));
        }
      } finally {
        watchdog.stop();
      }
      if (runs.length > 0) io.stdout.write(await format.afterAll(runs, outputContext));
      if (reportPath !== null && runs.length > 0) {
        const { renderRunHtml } = await import('../../report/html/run-html.js');
        writeReportAtomically(options.report!, reportPath, renderRunHtml(runs));
      }
      if (runs.length > 0 && format.jobSummary !== undefined) writeJobSummary(io, await format.jobSummary(runs, outputContext));
      for (const { result } of runs) io.setExitCode(runExitCode(result));
    });
}

/** Two runs compared event by event; a difference is reported as the model's failure (exit 4). */
async function isDeterministic(scenario: Scenario, io: CliIo, watchdog: CallbackWatchdog): Promise<boolean> {
  const { checkDeterminism } = await import('../../run/determinism-check.js');
  let report;
  try {
    watchdog.watch(scenario.limits.callbackWallUs);
    report = await checkDeterminism(scenario, { heartbeat: watchdog.heartbeat }, {
      build: (make) => watchdog.guard(make),
      finish: async (run) => {
        while (!watchdog.advance(run)) {
          if (interruptRequested()) throw new InterruptedError();
          await new Promise((resolve) => setImmediate(resolve));
        }
        watchdog.guard(() => run.result());
      },
    });
  } catch (error) {
    if (error instanceof InterruptedError) throw error;
    if (!(error instanceof CallbackStuck)) return true; // the run itself fails: the normal run reports how
    reportModelFailure(scenario, new ModelHungError(scenario.source.file, error.snapshot), io);
    return false;
  }
  if (report.ok) {
    io.stderr.write(`${scenario.source.file}: deterministic: two runs gave the same ${report.eventCount.toLocaleString('en-US')} events and metrics\n`);
    return true;
  }
  io.stderr.write(
    `error: ${scenario.source.file}: not deterministic: ${report.difference}. Something besides the seed decides the run: ` +
      'Math.random, Date.now, iteration over an unordered structure, or state kept in a module between runs.\n' +
      `Reproduce: ${reproduceCommand(scenario.source.file, scenario.seed, scenario.source.sets)} --check-determinism\n`,
  );
  io.setExitCode(EXIT_MODEL_FAILED);
  return false;
}

/** Checks every trace file can be written before anything runs (exit 2 otherwise). */
async function planTraces(trace: TraceRequest, scenarios: readonly Scenario[], io: CliIo, force: boolean): Promise<string[]> {
  const { planTracePaths } = await import('../trace-file.js');
  return planTracePaths(trace.target, scenarios.map((scenario) => ({ name: scenario.name, seed: scenario.seed })), { cwd: io.cwd, force });
}

/** Writes one run's trace (whole, or not at all) and says so on stderr, with a warning when the cap cut it. */
async function writeTrace(captured: CapturedRun, result: RunResult, trace: TraceRequest, path: string, io: CliIo): Promise<void> {
  const { writeFileAtomically } = await import('../trace-file.js');
  const { traceFileLines } = await import('../../report/trace-events.js');
  const metadata = { scenario: result.scenario, file: result.file, seed: result.seed, reproduce: result.reproduce };
  writeFileAtomically(path, traceFileLines(captured, metadata), trace.target);
  if (captured.capReachedAtUs !== null) {
    io.stderr.write(
      `warning: ${result.file}: the trace reached --trace-max-events ${captured.eventCountMax} at ${(captured.capReachedAtUs / 1e6).toFixed(6)}s simulated; ` +
        `${captured.droppedEventCount} later events are left out (raise --trace-max-events or narrow --trace-window)\n`,
    );
  }
  io.stderr.write(`${result.file}: trace of ${captured.records.length} events written to ${path}\n`);
}

interface SimulatedRun extends FinishedRun {
  readonly captured: CapturedRun | null;
}

/** A run whose model failed is reported (with its reproduce command) and gives exit 4; null then. */
async function simulateOrReport(
  scenario: Scenario,
  io: CliIo,
  watchdog: CallbackWatchdog,
  capture: CaptureOptions | undefined,
  tracing: boolean,
): Promise<SimulatedRun | null> {
  try {
    return await simulate(scenario, io, watchdog, capture);
  } catch (error) {
    if (!(error instanceof ModelRuntimeError || error instanceof ModelHungError)) throw error;
    reportModelFailure(scenario, error, io);
    if (tracing) io.stderr.write(`${scenario.source.file}: no trace written: the run did not finish\n`);
    return null;
  }
}

/**
 * The run again with the same seed, capturing the message window (by default one only the first
 * run's result, its first violation or fault, could tell). Same seed, same run: only the capture is new.
 */
async function withMessages(run: FinishedRun, scenario: Scenario, io: CliIo, watchdog: CallbackWatchdog, explicitWindow: MessageWindow | undefined): Promise<FinishedRun> {
  const window = explicitWindow ?? defaultMessageWindow(run.result);
  const { captured } = await interruptible(() => simulate(scenario, io, watchdog, messageCaptureOptions(window)));
  return { ...run, messages: { window, captured: captured! } };
}

function reportModelFailure(scenario: Scenario, error: ModelRuntimeError | ModelHungError, io: CliIo): void {
  io.stderr.write(`error: ${error.message}\nReproduce: ${reproduceCommand(scenario.source.file, scenario.seed, scenario.source.sets)}\n`);
  io.setExitCode(EXIT_MODEL_FAILED);
}

async function simulate(scenario: Scenario, io: CliIo, watchdog: CallbackWatchdog, capture: CaptureOptions | undefined): Promise<SimulatedRun> {
  const { ScenarioRun } = await import('../../run/run-scenario.js');
  const startedMs = performance.now();
  let run: InstanceType<typeof ScenarioRun> | null = null;
  let spinner: { text: string; stop(): void } | null = null;
  /**
   * Runs model code (setup, events, finish) under the watchdog: ddsim's own invariants crash
   * loudly, a callback past limits.callback-wall or Ctrl-C stops it; anything else came from the model.
   */
  const guarded = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      spinner?.stop();
      if (error instanceof InterruptedError) throw error;
      if (error instanceof CallbackStuck) throw new ModelHungError(scenario.source.file, error.snapshot);
      if (error instanceof AssertionError) {
        throw new InternalRunError(reproduceCommand(scenario.source.file, scenario.seed, scenario.source.sets), error);
      }
      throw new ModelRuntimeError(scenario.source.file, run?.nowUs ?? 0, error, run?.activeNode ?? null);
    }
  };
  watchdog.watch(scenario.limits.callbackWallUs);
  const started = guarded(() => watchdog.guard(() => new ScenarioRun(scenario, { heartbeat: watchdog.heartbeat, ...(capture === undefined ? {} : { capture }) })));
  run = started;
  const progress = canShowProgress(io);
  // Sliced on a terminal or not, so that Ctrl-C (SIGINT) is seen within a fraction of a second.
  const advance = (): boolean => guarded(() => watchdog.advance(started));
  while (!advance()) {
    if (interruptRequested()) {
      spinner?.stop();
      throw new InterruptedError();
    }
    if (progress && performance.now() - startedMs > SPINNER_DELAY_MS && spinner === null) {
      const { default: ora } = await import('ora');
      spinner = ora(spinnerOptions(io)).start();
    }
    if (spinner) {
      const simulatedS = (started.nowUs / 1e6).toFixed(1);
      spinner.text = `simulating ${scenario.name}: ${simulatedS}s of ${(scenario.durationUs / 1e6).toFixed(1)}s`;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  spinner?.stop();
  const result = guarded(() => watchdog.guard(() => started.result()));
  const timing: RunTiming = { wallMs: performance.now() - startedMs };
  return { result, timing, captured: started.captured() };
}

/** 0 every expectation held, 3 the run did not complete (liveness), 1 an expectation failed. */
export function runExitCode(result: RunResult): number {
  return finishedRunExitCode(result.stopReason, result.ok);
}
