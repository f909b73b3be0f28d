// The body of `ddsim shrink`: reads and validates the scenario (with --set written into its text),
// runs it once to learn how it fails (the first failing expectation, or --expect), shrinks it in
// this process, writes the minimal scenario and prints the before/after table. Ctrl-C stops
// between runs, writes nothing and exits 130.

import { basename, dirname, join, resolve } from 'node:path';
import { failureOf, failureText, showsFailure, type FailureSignature } from '../explore/failure.js';
import { modelPathEdit, setEdits } from '../explore/reproducer.js';
import { runScenarioText } from '../explore/run-text.js';
import { SHRINK_RUNS_DEFAULT, ShrinkInterrupted, type ShrinkResult } from '../explore/shrink.js';
import { applyTextEdits } from '../explore/yaml-text-edits.js';
import { readTextFileBounded } from '../io/bounded-text-file.js';
import { loadScenarioFile, SCENARIO_FILE_BYTES_MAX, unreadableProblem } from '../io/scenario-file.js';
import type { RunOutcome } from '../sweep/sweep-record.js';
import type { CliIo } from './cli-io.js';
import { EXIT_FAILED, EXIT_INTERRUPTED, InputError, InternalRunError, InterruptedError } from './errors.js';
import { minimalFile } from './explore-setup.js';
import { shrinkAndWrite } from './shrink-session.js';
import { outputWidth, useColor } from './terminal.js';

export interface ShrinkRunOptions {
  readonly set: readonly string[];
  readonly maxRuns?: string;
  readonly expect?: string;
  readonly out?: string;
  readonly format: 'pretty' | 'json';
}

export async function runShrink(file: string, options: ShrinkRunOptions, io: CliIo): Promise<void> {
  const maxRuns = parseMaxRuns(options.maxRuns);
  const scenario = await loadScenarioFile(file, { cwd: io.cwd, sets: options.set });
  let text: string;
  try {
    text = readTextFileBounded(resolve(io.cwd, file), SCENARIO_FILE_BYTES_MAX);
  } catch (error) {
    throw new InputError([unreadableProblem(file, error)]);
  }
  const minFile = options.out ?? join(dirname(file), basename(minimalFile(file)));
  const minPath = resolve(io.cwd, minFile);
  const modelEdit = modelPathEdit({ written: scenario.system.modelName, fromDir: dirname(resolve(io.cwd, file)), toDir: dirname(minPath) });
  const selfContained = applyTextEdits(text, [...setEdits(options.set), ...(modelEdit === null ? [] : [modelEdit])]);
  const subjectInput = { file: minFile, text: selfContained, scenarioDir: dirname(minPath) };
  let interrupted = false;
  const onSignal = (): void => {
    if (interrupted) process.exit(EXIT_INTERRUPTED);
    interrupted = true;
  };
  process.on('SIGINT', onSignal);
  try {
    const baseline = await runScenarioText(subjectInput, { interrupted: () => interrupted });
    if (baseline === null) throw new InterruptedError('interrupted during the first run: nothing written');
    const failure = chooseFailure(baseline, options.expect, file);
    if (failure === null) {
      io.stderr.write(`${file}: every expectation holds and the run completes: nothing to shrink, nothing written\n`);
      return;
    }
    const events = baseline.kind === 'result' ? (baseline.metrics['events'] ?? 0) : 0;
    const result = await shrinkAndWrite(io, { ...subjectInput, failure, events, runsSpent: 1 }, {
      maxRuns,
      minFile,
      minPath,
      origin: `\`ddsim shrink ${file}\``,
      interrupted: () => interrupted,
    });
    await writeReport(io, file, minFile, failure, result, options.format);
    io.setExitCode(EXIT_FAILED);
  } catch (error) {
    if (error instanceof ShrinkInterrupted) throw new InterruptedError(`interrupted after ${error.runsSpent} shrink runs: nothing written`);
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
  }
}

/** The failure to keep: the one --expect names (it must fail), or the run's first. */
function chooseFailure(outcome: RunOutcome, expect: string | undefined, file: string): FailureSignature | null {
  if (outcome.kind === 'error' && outcome.cause !== 'model') {
    const message = `${file}: ddsim could not run the scenario: ${outcome.message}`;
    if (outcome.cause === 'input') throw new InputError([{ file, line: 0, column: 0, path: '', message }]);
    throw new InternalRunError(`ddsim run ${file}`, new Error(message));
  }
  if (expect === undefined) return failureOf(outcome);
  const wanted: FailureSignature = { kind: 'expectation', expr: expect.trim() };
  if (showsFailure(outcome, wanted)) return wanted;
  const known = outcome.kind === 'result' ? outcome.expectations.map((e) => `${e.expr} (${e.ok ? 'holds' : 'fails'})`) : [];
  throw new InputError([
    { file: `--expect ${expect}`, line: 0, column: 0, path: '', message: `this expectation does not fail in ${file}`, hint: known.length > 0 ? `its expectations: ${known.join(', ')}` : 'the run threw before any expectation was checked' },
  ]);
}

function parseMaxRuns(text: string | undefined): number {
  if (text === undefined) return SHRINK_RUNS_DEFAULT;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 100_000) {
    throw new InputError([{ file: `--max-runs ${text}`, line: 0, column: 0, path: '', message: 'must be a whole number from 1 to 100000' }]);
  }
  return Number(text);
}

async function writeReport(io: CliIo, file: string, minFile: string, failure: FailureSignature, result: ShrinkResult, format: 'pretty' | 'json'): Promise<void> {
  const report = { failureText: failureText(failure), minFile, ...result };
  if (format === 'json') {
    const [{ toJsonText }, { shrunkDocument }] = await Promise.all([import('../report/json-text.js'), import('../report/explore-json.js')]);
    io.stdout.write(`${toJsonText({ schemaVersion: 1, file, failure: report.failureText, ...shrunkDocument(report) })}\n`);
    return;
  }
  const [{ shrinkLines }, { createPalette }] = await Promise.all([import('../report/shrink-report.js'), import('../report/style.js')]);
  const palette = createPalette(useColor(io));
  const heading = `${palette.heading('Shrink')} ${palette.bold(file)} -> ${palette.bold(minFile)}`;
  io.stdout.write(`${[heading, ...shrinkLines(report, palette, outputWidth(io))].join('\n')}\n`);
}
