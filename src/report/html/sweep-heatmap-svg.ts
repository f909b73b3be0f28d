// The grid of a two-parameter sweep as an SVG heat map: the first varied path down, the second
// across, one cell per combination coloured by the median of the grid's metric across seeds
// (green the better end, red the worse, as metric-direction.ts reads the name), ✗ where a run
// failed an expectation and ★ on the best combination, as in the terminal grid (sweep-grid.ts).

import { metricDirection } from '../../sweep/metric-direction.js';
import type { GridSummary, SweepSummary } from '../../sweep/summarize.js';
import { medianText, passRateText } from '../sweep-cells.js';
import { escapeHtml, px } from './html-escape.js';

const CELL_WIDTH_PX = 112;
const CELL_HEIGHT_PX = 34;
const ROW_LABEL_PX = 150;
const TOP_PX = 40;

export function renderSweepHeatmapSvg(summary: SweepSummary, grid: GridSummary): string {
  const metricPosition = summary.metrics.indexOf(grid.metric);
  const medianOf = (position: number): number | null => {
    const combination = summary.combinations[position];
    if (combination === undefined || combination.runs === 0) return null;
    return combination.metrics[metricPosition]?.median ?? null;
  };
  const medians = grid.cells.flat().map(medianOf).filter((value): value is number => value !== null && Number.isFinite(value));
  const low = Math.min(...medians);
  const high = Math.max(...medians);
  const higherIsBetter = metricDirection(grid.metric) === 'higher';
  const goodness = (value: number): number => {
    const fraction = high > low ? (value - low) / (high - low) : 1;
    return higherIsBetter ? fraction : 1 - fraction;
  };
  const cells = grid.cells.flatMap((row, rowIndex) =>
    row.map((position, columnIndex) => {
      const x = ROW_LABEL_PX + columnIndex * CELL_WIDTH_PX;
      const y = TOP_PX + rowIndex * CELL_HEIGHT_PX;
      const combination = summary.combinations[position];
      const median = medianOf(position);
      const where = `${grid.rowPath}=${grid.rowValues[rowIndex]} ${grid.columnPath}=${grid.columnValues[columnIndex]}`;
      if (combination === undefined || median === null) {
        return cellMarkup({ x, y, rowIndex, columnIndex, className: 'cell empty', fill: '#e0e0e0', text: '–', detail: `${where}: no runs` });
      }
      const failing = combination.okRuns < combination.runs;
      const best = combination.index === summary.bestIndex;
      const value = medianText(combination.metrics[metricPosition]!);
      const text = `${failing ? '✗ ' : best ? '★ ' : ''}${value}`;
      const detail = `${where}: ${grid.metric} median ${value}; every expectation held in ${passRateText(combination.okRuns, combination.runs)} of runs`;
      return cellMarkup({ x, y, rowIndex, columnIndex, className: failing ? 'cell failing' : 'cell', fill: colourOf(goodness(median)), text, detail });
    }),
  );
  const widthPx = ROW_LABEL_PX + grid.columnValues.length * CELL_WIDTH_PX + 8;
  const heightPx = TOP_PX + grid.rowValues.length * CELL_HEIGHT_PX + 8;
  const columnLabels = grid.columnValues.map(
    (value, index) => `<text class="axis-label" x="${px(ROW_LABEL_PX + (index + 0.5) * CELL_WIDTH_PX)}" y="${TOP_PX - 8}">${escapeHtml(value)}</text>`,
  );
  const rowLabels = grid.rowValues.map(
    (value, index) => `<text class="row-label" x="${ROW_LABEL_PX - 8}" y="${px(TOP_PX + (index + 0.5) * CELL_HEIGHT_PX + 4)}">${escapeHtml(value)}</text>`,
  );
  return [
    `<svg class="heatmap" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}" role="img" aria-label="grid of ${escapeHtml(grid.metric)}">`,
    `<text class="axis-label" x="${px(ROW_LABEL_PX + (grid.columnValues.length * CELL_WIDTH_PX) / 2)}" y="14">${escapeHtml(grid.columnPath)} →</text>`,
    `<text class="row-label" x="${ROW_LABEL_PX - 8}" y="14">${escapeHtml(grid.rowPath)} ↓</text>`,
    ...columnLabels,
    ...rowLabels,
    ...cells,
    '</svg>',
  ].join('\n');
}

interface CellInput {
  readonly x: number;
  readonly y: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly className: string;
  readonly fill: string;
  readonly text: string;
  readonly detail: string;
}

function cellMarkup(cell: CellInput): string {
  return (
    `<g data-detail="${escapeHtml(cell.detail)}"><title>${escapeHtml(cell.detail)}</title>` +
    `<rect class="${cell.className}" data-row="${cell.rowIndex}" data-column="${cell.columnIndex}" x="${px(cell.x)}" y="${px(cell.y)}" width="${CELL_WIDTH_PX}" height="${CELL_HEIGHT_PX}" fill="${cell.fill}"/>` +
    `<text class="cell-text" x="${px(cell.x + CELL_WIDTH_PX / 2)}" y="${px(cell.y + CELL_HEIGHT_PX / 2 + 4)}">${escapeHtml(cell.text)}</text></g>`
  );
}

/** Red (0, the worse end) through yellow to green (1, the better end), light enough for dark text. */
function colourOf(goodness: number): string {
  const hue = Math.round(Math.min(1, Math.max(0, goodness)) * 120);
  return `hsl(${hue}, 60%, 72%)`;
}
