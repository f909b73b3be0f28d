// The expectations table: each expectation as written, what was observed (in the metric's unit;
// a check's verdict as is) and PASS or FAIL, followed by the witness of each violated check.

import type { ExpectationResult } from '../result/run-result.js';
import { formatMetricValue, type MetricUnit } from './metric-units.js';
import type { Palette } from './style.js';
import { renderTable } from './table-frame.js';
import { renderWitness } from './witness-render.js';

/** The metric an expectation compares: its leading name, e.g. `latency.p99` in "latency.p99 <= 250ms". */
export function expectationMetricName(expr: string): string | null {
  const match = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)/.exec(expr);
  return match === null ? null : match[1];
}

export function formatObserved(expectation: ExpectationResult, units: Readonly<Record<string, MetricUnit>> = {}): string {
  const { observed } = expectation;
  if (observed === null) return 'n/a';
  if (typeof observed === 'string') return observed;
  return formatMetricValue(expectationMetricName(expectation.expr) ?? '', observed, units);
}

export function verdictText(ok: boolean, palette: Palette): string {
  return ok ? palette.pass('✓ PASS') : palette.fail('✗ FAIL');
}

export function renderExpectationsTable(
  expectations: readonly ExpectationResult[],
  widthColumns: number,
  palette: Palette,
  units: Readonly<Record<string, MetricUnit>> = {},
): string[] {
  if (expectations.length === 0) return [palette.dim('no expectations in this scenario')];
  const lines = renderTable({
    head: ['expectation', 'observed', 'result'].map((title) => palette.bold(title)),
    rows: expectations.map((expectation) => [
      expectation.expr,
      formatObserved(expectation, units),
      verdictText(expectation.ok, palette),
    ]),
    flexibleColumn: 0,
    alignRight: [1],
    widthColumns,
  });
  for (const expectation of expectations) {
    if (expectation.witness === undefined) continue;
    lines.push('', `${palette.bold('witness')} for ${expectation.expr}:`);
    lines.push(...renderWitness(expectation.witness, widthColumns - 2).map((line) => `  ${line}`));
  }
  return lines;
}
