// The grid of a two-parameter sweep: the first varied path down, the second across, each cell the
// median across seeds of one metric, marked ✗ when a run of that combination failed an
// expectation and ★ for the best combination. Reads at a glance where the trade-off turns.

import type { SweepSummary } from '../sweep/summarize.js';
import { medianText } from './sweep-cells.js';
import { createPalette } from './style.js';
import { renderTable, type Row } from './table-frame.js';

export function renderSweepGrid(summary: SweepSummary, options: { readonly color: boolean; readonly widthColumns: number }): string[] {
  const grid = summary.grid;
  if (grid === null) return [];
  const palette = createPalette(options.color);
  const metricPosition = summary.metrics.indexOf(grid.metric);
  const title = `${palette.heading(grid.metric)} median across seeds — ${grid.rowPath} down, ${grid.columnPath} across (✗: a run failed an expectation)`;
  const head = [`${grid.rowPath} \\ ${grid.columnPath}`, ...grid.columnValues];
  const rows: Row[] = grid.rowValues.map((rowValue, row) => [
    rowValue,
    ...grid.cells[row].map((position) => {
      const combination = summary.combinations[position];
      if (combination === undefined || combination.runs === 0) return '–';
      const spread = combination.metrics[metricPosition];
      const value = spread === undefined ? '' : medianText(spread);
      if (combination.okRuns < combination.runs) return palette.fail(`✗ ${value}`);
      if (combination.index === summary.bestIndex) return palette.pass(`★ ${value}`);
      return value;
    }),
  ]);
  const alignRight = head.map((_, index) => index).filter((index) => index > 0);
  return [title, ...renderTable({ head, rows, flexibleColumn: 0, alignRight, widthColumns: options.widthColumns })];
}
