// Prints a sweep summary in the chosen format (shared by `ddsim sweep` and `ddsim merge`) and
// decides the exit code: the highest of the runs' (see setSweepExitCode). The formats are src/output/sweep/*.ts.

import type { SweepOutputFormat } from '../output/output-format.js';
import { SWEEP_FORMATS } from '../output/registry.js';
import type { SweepSummary } from '../sweep/summarize.js';
import type { CliIo } from './cli-io.js';
import { EXIT_FAILED, EXIT_INCOMPLETE, EXIT_INTERNAL, EXIT_INVALID, EXIT_MODEL_FAILED, UsageError } from './errors.js';
import { runExitCodeOf, type RunRecord } from '../sweep/sweep-record.js';
import { writeJobSummary } from './job-summary.js';
import { outputWidth, useColor } from './terminal.js';

const PIPE_WIDTH_COLUMNS = 400;

export type SummaryFormat = SweepOutputFormat;

export function parseSummaryFormat(text: string): SummaryFormat {
  const format = SWEEP_FORMATS.find((candidate) => candidate.name === text);
  if (format === undefined) throw new UsageError(`--format must be ${SWEEP_FORMATS.map((f) => f.name).join(', ')}; not "${text}"`);
  return format;
}

export async function writeSummary(io: CliIo, summary: SweepSummary, format: SummaryFormat): Promise<void> {
  // On a pipe (a CI log, a file) a table keeps its natural width rather than truncate values.
  const widthColumns = io.stdout.isTTY === true ? outputWidth(io) : PIPE_WIDTH_COLUMNS;
  const context = { color: useColor(io), widthColumns, quiet: false };
  io.stdout.write(await format.render(summary, context));
  if (format.jobSummary !== undefined) writeJobSummary(io, await format.jobSummary(summary, context));
}

/**
 * The sweep's exit code: the highest of its runs' (1 an expectation failed, 3 a run did not
 * complete, 4 a model threw, 70 a ddsim bug), a missing run counting as 1. `--no-fail` clears only
 * the 1s (failed expectations and missing runs), never a broken run.
 */
export function setSweepExitCode(io: CliIo, summary: SweepSummary, records: readonly RunRecord[], failOnFailure: boolean): void {
  const codes = records.map(runExitCodeOf);
  if (summary.missingRuns > 0) codes.push(EXIT_FAILED);
  const kept = failOnFailure ? codes : codes.filter((code) => code !== EXIT_FAILED);
  io.setExitCode(Math.max(0, ...kept));
  const broken = describeBrokenRuns(codes);
  if (broken !== '') io.stderr.write(`${broken}\n`);
}

/** `2 runs did not complete (exit 3), 1 run's model threw (exit 4)`, or '' when none. */
function describeBrokenRuns(codes: readonly number[]): string {
  const count = (code: number): number => codes.filter((c) => c === code).length;
  const parts = [
    [EXIT_INCOMPLETE, 'did not complete'],
    [EXIT_MODEL_FAILED, "failed in the model's code"],
    [EXIT_INTERNAL, 'hit a ddsim internal error (please report it)'],
    [EXIT_INVALID, 'had invalid input'],
  ] as const;
  return parts
    .filter(([code]) => count(code) > 0)
    .map(([code, what]) => `${count(code)} run${count(code) === 1 ? '' : 's'} ${what} (exit ${code})`)
    .join(', ');
}
