// Prints a sweep summary in the chosen format (shared by `ddsim sweep` and `ddsim merge`) and
// decides the exit code: 1 when a run failed an expectation, threw, or is missing, unless
// --no-fail. Renderers are imported when needed.

import type { SweepSummary } from '../sweep/summarize.js';
import type { CliIo } from './cli-io.js';
import { EXIT_FAILED, UsageError } from './errors.js';
import { outputWidth, useColor } from './terminal.js';

const PIPE_WIDTH_COLUMNS = 400;

export const SUMMARY_FORMATS = ['table', 'json', 'csv'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export function parseSummaryFormat(text: string): SummaryFormat {
  if (!(SUMMARY_FORMATS as readonly string[]).includes(text)) {
    throw new UsageError(`--format must be ${SUMMARY_FORMATS.join(', ')}; not "${text}"`);
  }
  return text as SummaryFormat;
}

export async function writeSummary(io: CliIo, summary: SweepSummary, format: SummaryFormat): Promise<void> {
  if (format === 'json') {
    const { renderSweepJson } = await import('../report/sweep-json.js');
    io.stdout.write(renderSweepJson(summary));
  } else if (format === 'csv') {
    const { renderSweepCsv } = await import('../report/sweep-csv.js');
    io.stdout.write(renderSweepCsv(summary));
  } else {
    const { renderSweepTable } = await import('../report/sweep-table.js');
    // On a pipe (a CI log, a file) the table keeps its natural width rather than truncate values.
    const widthColumns = io.stdout.isTTY === true ? outputWidth(io) : PIPE_WIDTH_COLUMNS;
    io.stdout.write(renderSweepTable(summary, { color: useColor(io), widthColumns }));
  }
}

export function setSweepExitCode(io: CliIo, summary: SweepSummary, failOnFailure: boolean): void {
  const failed = summary.runs - summary.okRuns > 0 || summary.missingRuns > 0;
  if (failed && failOnFailure) io.setExitCode(EXIT_FAILED);
}
