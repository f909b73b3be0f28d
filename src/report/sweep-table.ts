// The sweep summary for a terminal: a heading, one table row per parameter combination (runs,
// pass rate of every expectation, median [5 % – 95 %] of each chosen metric across seeds), the
// best combination marked ★ and failing ones ✗, with `--pool` each pooled histogram's quantiles,
// the grid when two paths are varied, and the command that reproduces the first failing run of
// each failing combination.

import type { CombinationSummary, SweepSummary } from '../sweep/summarize.js';
import { passRateText, spreadText } from './sweep-cells.js';
import { renderSweepGrid } from './sweep-grid.js';
import { renderPooledTables } from './sweep-pooled-table.js';
import { createPalette, type Palette } from './style.js';
import { renderTable, type Row } from './table-frame.js';

export interface SweepTableOptions {
  readonly color: boolean;
  readonly widthColumns: number;
}

/** Failing combinations whose reproduce line is printed. */
const REPRODUCE_LINES_MAX = 10;

export function renderSweepTable(summary: SweepSummary, options: SweepTableOptions): string {
  const palette = createPalette(options.color);
  const lines = [...headingLines(summary, palette)];
  if (summary.metrics.length > 0) lines.push(palette.dim('Metrics: median across seeds [5 % – 95 %]. Expectations: share of runs in which each held.'));
  lines.push('');
  lines.push(...combinationTable(summary, palette, options.widthColumns));
  lines.push(...renderPooledTables(summary, palette, options.widthColumns));
  if (summary.grid !== null) lines.push('', ...renderSweepGrid(summary, { color: options.color, widthColumns: options.widthColumns }));
  lines.push('', ...verdictLines(summary, palette));
  return `${lines.join('\n')}\n`;
}

function headingLines(summary: SweepSummary, palette: Palette): string[] {
  const combinations = summary.combinations.length;
  const shape = `${combinations} combination${combinations === 1 ? '' : 's'} × ${summary.seedCount} seed${summary.seedCount === 1 ? '' : 's'}`;
  const lines = [`${palette.heading('Sweep')} ${palette.bold(summary.file)}  ${shape}  ${palette.dim(`(sweep ${summary.fingerprint})`)}`];
  const counts = [`${summary.runs} of ${summary.expectedRuns} runs`, `${summary.okRuns} passed every expectation`];
  if (summary.runs - summary.okRuns > 0) counts.push(palette.fail(`${summary.runs - summary.okRuns} failed`));
  if (summary.errorRuns > 0) counts.push(palette.fail(`${summary.errorRuns} threw an error`));
  if (summary.missingRuns > 0) counts.push(palette.warning(`${summary.missingRuns} missing`));
  lines.push(counts.join(', '));
  return lines;
}

function statusMark(combination: CombinationSummary, best: boolean, palette: Palette): string {
  if (combination.runs === 0) return palette.warning('?');
  if (combination.okRuns < combination.runs) return palette.fail('✗');
  return best ? palette.pass('★') : palette.pass('✓');
}

function combinationTable(summary: SweepSummary, palette: Palette, widthColumns: number): string[] {
  const paths = summary.varyPaths;
  const expressions = summary.combinations[0]?.expectations.map((expectation) => expectation.expr) ?? [];
  const head = [
    '',
    ...(paths.length === 0 ? ['combination'] : paths),
    'runs',
    'all pass',
    ...expressions,
    ...summary.metrics,
  ];
  const rows: Row[] = summary.combinations.map((combination) => {
    const best = combination.index === summary.bestIndex;
    const paint = best ? palette.bold : (text: string) => text;
    const runs = combination.runs === combination.expectedRuns ? String(combination.runs) : `${combination.runs}/${combination.expectedRuns}`;
    const failing = combination.okRuns < combination.runs;
    const allPass = passRateText(combination.okRuns, combination.runs);
    return [
      statusMark(combination, best, palette),
      ...(paths.length === 0 ? ['(as written)'] : combination.params.map((param) => paint(param.value))),
      runs,
      failing ? palette.fail(allPass) : paint(allPass),
      ...combination.expectations.map((expectation) => {
        const text = passRateText(expectation.passed, expectation.runs);
        return expectation.passed < expectation.runs ? palette.fail(text) : text;
      }),
      ...combination.metrics.map((spread) => paint(spreadText(spread))),
    ];
  });
  const firstNumeric = 1 + Math.max(paths.length, 1);
  const alignRight = head.map((_, index) => index).filter((index) => index >= firstNumeric);
  const widths = head.map((title, index) => Math.max(title.length, ...rows.map((row) => String(row[index] ?? '').length)));
  const flexibleColumn = widths.indexOf(Math.max(...widths));
  return renderTable({ head, rows, flexibleColumn, alignRight, widthColumns });
}

function verdictLines(summary: SweepSummary, palette: Palette): string[] {
  const lines: string[] = [];
  const best = summary.combinations.find((combination) => combination.index === summary.bestIndex);
  if (best !== undefined) {
    const metric = best.metrics[0];
    const figure = metric === undefined ? '' : `, ${metric.name} median ${spreadText(metric).split(' [')[0]}`;
    lines.push(`${palette.pass('★ best')}: ${best.key || '(as written)'} — every expectation held in ${best.okRuns} of ${best.runs} runs${figure}`);
  }
  const failing = summary.combinations.filter((combination) => combination.firstFailure !== null);
  if (failing.length === 0) {
    if (summary.runs > 0) lines.push(palette.pass('✓ every run met every expectation'));
  } else {
    lines.push(`${palette.fail('✗ failing')}: ${failing.length} of ${summary.combinations.length} combinations. Reproduce the first failing run of each:`);
    for (const combination of failing.slice(0, REPRODUCE_LINES_MAX)) {
      const failure = combination.firstFailure!;
      lines.push(`  ${failure.reproduce}${failure.error === null ? '' : palette.fail(`   # threw: ${failure.error.split('\n')[0]}`)}`);
    }
    if (failing.length > REPRODUCE_LINES_MAX) lines.push(palette.dim(`  ... and ${failing.length - REPRODUCE_LINES_MAX} more (see the JSONL file)`));
  }
  return lines;
}
