// `ddsim run <files...>`: loads every scenario first (so invalid input writes nothing and exits 2),
// then runs each, printing its output in the chosen format (src/output/run/) and exiting 1 when
// an expectation failed. A spinner shows on a terminal for runs that take longer than about a second.

import type { Command } from 'commander';
import type { RunResult, RunTiming } from '../../result/run-result.js';
import type { Scenario } from '../../scenario/types.js';
import { AssertionError } from '../../model/assert.js';
import {
  EXIT_CODES_HELP,
  EXIT_MODEL_FAILED,
  InternalRunError,
  InterruptedError,
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

interface RunOptions {
  readonly seed?: string;
  readonly set: string[];
  readonly format: string;
  readonly quiet?: boolean;
  readonly checkDeterminism?: boolean;
}

/** Events simulated between returns to the Node.js event loop (keeps a spinner turning). */
const SLICE_EVENT_COUNT = 250_000;
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
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[], options: RunOptions) => {
      const format = RUN_FORMATS.find((candidate) => candidate.name === options.format);
      if (format === undefined) throw new UsageError(`--format must be ${RUN_FORMATS.map((f) => f.name).join(' or ')}, not "${options.format}"`);
      const context: OutputContext = { color: useColor(io), widthColumns: outputWidth(io), quiet: options.quiet === true };
      const seed = parseSeedOption(options.seed);
      const scenarios = await loadScenarioFiles(files, {
        cwd: io.cwd,
        sets: options.set,
        ...(seed === undefined ? {} : { seed }),
      });
      const runs: FinishedRun[] = [];
      const outputContext: OutputContext = { ...context, plannedRunCount: scenarios.length };
      for (const scenario of scenarios) {
        if (options.checkDeterminism === true && !(await isDeterministic(scenario, io))) continue;
        const run = await interruptible(() => simulateOrReport(scenario, io));
        if (run === null) continue; // the model failed: reported, the other files still run
        runs.push(run);
        io.stdout.write(await format.afterRun(run, outputContext));
      }
      if (runs.length > 0) io.stdout.write(await format.afterAll(runs, outputContext));
      for (const { result } of runs) io.setExitCode(runExitCode(result));
    });
}

/** Two runs compared event by event; a difference is reported as the model's failure (exit 4). */
async function isDeterministic(scenario: Scenario, io: CliIo): Promise<boolean> {
  const { checkDeterminism } = await import('../../run/determinism-check.js');
  let report;
  try {
    report = checkDeterminism(scenario);
  } catch {
    return true; // the run itself fails: the normal run reports how
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

/** A run whose model failed is reported (with its reproduce command) and gives exit 4; null then. */
async function simulateOrReport(scenario: Scenario, io: CliIo): Promise<FinishedRun | null> {
  try {
    return await simulate(scenario, io);
  } catch (error) {
    if (!(error instanceof ModelRuntimeError)) throw error;
    io.stderr.write(`error: ${error.message}\nReproduce: ${reproduceCommand(scenario.source.file, scenario.seed, scenario.source.sets)}\n`);
    io.setExitCode(EXIT_MODEL_FAILED);
    return null;
  }
}

async function simulate(scenario: Scenario, io: CliIo): Promise<{ result: RunResult; timing: RunTiming }> {
  const { ScenarioRun } = await import('../../run/run-scenario.js');
  const startedMs = performance.now();
  let run: InstanceType<typeof ScenarioRun> | null = null;
  let spinner: { text: string; stop(): void } | null = null;
  /** Runs model code (setup, events, finish): ddsim's own invariants crash loudly; anything else came from the model. */
  const guarded = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      spinner?.stop();
      if (error instanceof AssertionError) {
        throw new InternalRunError(reproduceCommand(scenario.source.file, scenario.seed, scenario.source.sets), error);
      }
      throw new ModelRuntimeError(scenario.source.file, run?.nowUs ?? 0, error, run?.activeNode ?? null);
    }
  };
  const started = guarded(() => new ScenarioRun(scenario));
  run = started;
  const progress = canShowProgress(io);
  // Sliced on a terminal or not, so that Ctrl-C (SIGINT) is seen within a fraction of a second.
  const advance = (): boolean => guarded(() => started.advance(SLICE_EVENT_COUNT));
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
  const result = guarded(() => started.result());
  return { result, timing: { wallMs: performance.now() - startedMs } };
}

/** 0 every expectation held, 3 the run did not complete (liveness), 1 an expectation failed. */
export function runExitCode(result: RunResult): number {
  return finishedRunExitCode(result.stopReason, result.ok);
}
