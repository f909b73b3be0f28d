// The time axis under the timeline: labels in seconds at "nice" steps (1, 2, 5 × 10^k ms) chosen
// so that labels never touch, "0s" at the left and the end time right-aligned at the right.

import { formatSecondsShort } from './number-format.js';

const NICE_FACTORS = [1, 2, 5];
const LABEL_GAP_COLUMNS = 4;

/** The smallest nice step (ms) whose ticks are far enough apart for their labels. */
export function chooseTickStepMs(spanMs: number, columnCount: number): number {
  for (let magnitude = 1; magnitude < 1e12; magnitude *= 10) {
    for (const factor of NICE_FACTORS) {
      const stepMs = factor * magnitude;
      const stepColumns = (stepMs / spanMs) * columnCount;
      // The quick test first bounds the number of ticks widestTickLabel walks.
      if (stepColumns < LABEL_GAP_COLUMNS + 2) continue;
      if (stepColumns >= widestTickLabel(stepMs, spanMs) + LABEL_GAP_COLUMNS) return stepMs;
    }
  }
  return spanMs;
}

function widestTickLabel(stepMs: number, spanMs: number): number {
  let widest = 0;
  for (let tickMs = 0; tickMs <= spanMs; tickMs += stepMs) {
    widest = Math.max(widest, formatSecondsShort(tickMs).length);
  }
  return widest;
}

/** One line of `columnCount` characters with second labels at their columns. */
export function renderTimeAxis(spanMs: number, columnCount: number): string {
  if (columnCount <= 0 || !(spanMs > 0)) return '';
  const cells: string[] = new Array<string>(columnCount).fill(' ');
  const endLabel = formatSecondsShort(spanMs);
  const stepMs = chooseTickStepMs(spanMs, columnCount);
  const endStart = Math.max(0, columnCount - endLabel.length);
  let freeFrom = 0;
  for (let tickMs = 0; tickMs < spanMs; tickMs += stepMs) {
    const column = Math.floor((tickMs / spanMs) * columnCount);
    const label = formatSecondsShort(tickMs);
    if (column < freeFrom || column + label.length + LABEL_GAP_COLUMNS > endStart) continue;
    write(cells, column, label);
    freeFrom = column + label.length + LABEL_GAP_COLUMNS;
  }
  if (endLabel.length <= columnCount && endStart >= freeFrom) write(cells, endStart, endLabel);
  return cells.join('');
}

function write(cells: string[], column: number, text: string): void {
  [...text].forEach((character, offset) => {
    cells[column + offset] = character;
  });
}
