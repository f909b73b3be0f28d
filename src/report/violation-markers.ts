// The `violated` row under the timeline: a ✗ at each moment a violated check points at (a lost
// write's acknowledgement, the start and end of a split brain, a linearizability violation), and
// a legend naming them. Only drawn when some check was violated with marks.

import type { ExpectationResult, TimelineMark } from '../result/run-result.js';
import { formatSecondsPrecise } from './number-format.js';
import type { Palette } from './style.js';
import { truncateEnd } from './text-layout.js';
import { columnOfBucket, type ColumnMapping } from './timeline-columns.js';

export const VIOLATION_MARK = '✗';

export interface ViolationMarkers {
  readonly cells: readonly string[];
  readonly legendLines: readonly string[];
}

/** A violated check's mark, with the expectation it belongs to. */
export interface ViolationMark extends TimelineMark {
  readonly expr: string;
}

/** Every mark of every violated expectation, in expectation order (the row and the HTML report draw these). */
export function violationMarks(expectations: readonly ExpectationResult[]): ViolationMark[] {
  return expectations.flatMap((expectation) =>
    expectation.ok ? [] : (expectation.marks ?? []).map((mark) => ({ ...mark, expr: expectation.expr })),
  );
}

export function renderViolationMarkers(
  expectations: readonly ExpectationResult[],
  geometry: { readonly mapping: ColumnMapping; readonly bucketUs: number; readonly widthColumns: number },
  palette: Palette,
): ViolationMarkers | null {
  const marks = violationMarks(expectations);
  if (marks.length === 0 || geometry.mapping.columnCount === 0) return null;
  const cells = new Array<string>(geometry.mapping.columnCount).fill(' ');
  const lastBucket = geometry.mapping.bucketCount - 1;
  for (const mark of marks) {
    const bucket = Math.min(lastBucket, Math.max(0, Math.floor((mark.atMs * 1000) / geometry.bucketUs)));
    cells[columnOfBucket(geometry.mapping, bucket)] = palette.fail(VIOLATION_MARK);
  }
  const legendLines = [...marks]
    .sort((a, b) => a.atMs - b.atMs)
    .map((mark) => {
      const line = truncateEnd(`${formatSecondsPrecise(mark.atMs * 1000).padStart(10)}   ${mark.label}  (${mark.expr})`, geometry.widthColumns - 2);
      return `${palette.fail(VIOLATION_MARK)} ${line}`;
    });
  return { cells, legendLines };
}
