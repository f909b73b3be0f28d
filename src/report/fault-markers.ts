// The fault row under the timeline lanes (an id character at each fault's column) and its
// legend ("1  10.00s   crash server-1 (refuse)", reverts marked ↺). Bounded: at most
// FAULT_LEGEND_LINES_MAX faults are listed; the rest are marked "·" and counted.

import type { FaultRecord } from '../result/run-result.js';
import { formatSecondsPrecise } from './number-format.js';
import type { Palette } from './style.js';
import { sideBySide, truncateEnd } from './text-layout.js';
import { columnOfBucket, type ColumnMapping } from './timeline-columns.js';

export const FAULT_LEGEND_LINES_MAX = 24;
/** With more faults than the legend holds, this many are listed. */
const FAULT_LEGEND_LINES_SHOWN = 20;
const IDS = '123456789abcdefghijklmnopqrstuvwxyz';
export const REVERT_MARK = '↺';
export const UNLISTED_FAULT_MARK = '·';
export const SHARED_COLUMN_MARK = '+';

export interface FaultMarkers {
  /** One entry per column: the painted marker or a blank. */
  readonly cells: readonly string[];
  readonly legendLines: readonly string[];
}

export interface NumberedFault {
  readonly fault: FaultRecord;
  /** Empty when the fault is not listed in the legend. */
  readonly id: string;
}

export function renderFaultMarkers(
  faults: readonly FaultRecord[],
  geometry: { readonly mapping: ColumnMapping; readonly bucketUs: number; readonly widthColumns: number },
  palette: Palette,
): FaultMarkers {
  const numbered = numberFaults(faults);
  const { cells, shared } = markerCells(numbered, geometry.mapping, geometry.bucketUs, palette);
  return { cells, legendLines: legend(numbered, shared, geometry.widthColumns, palette) };
}

/** Faults in time order with the id the legend lists them under ('' past the legend's room). */
export function numberFaults(faults: readonly FaultRecord[]): NumberedFault[] {
  const ordered = [...faults].sort((a, b) => a.atUs - b.atUs);
  const listedCount = ordered.length <= FAULT_LEGEND_LINES_MAX ? ordered.length : FAULT_LEGEND_LINES_SHOWN;
  return ordered.map((fault, index) => ({ fault, id: index < listedCount ? IDS[index] : '' }));
}

function markerCells(
  numbered: readonly NumberedFault[],
  mapping: ColumnMapping,
  bucketUs: number,
  palette: Palette,
): { cells: string[]; shared: boolean } {
  const cells = new Array<string>(mapping.columnCount).fill(' ');
  const taken = new Set<number>();
  let shared = false;
  if (mapping.columnCount === 0) return { cells, shared };
  for (const { fault, id } of numbered) {
    const column = columnOfBucket(mapping, Math.floor(fault.atUs / bucketUs));
    if (taken.has(column)) {
      cells[column] = palette.faultMarker(SHARED_COLUMN_MARK);
      shared = true;
      continue;
    }
    taken.add(column);
    const paint = fault.revert ? palette.revertMarker : palette.faultMarker;
    cells[column] = paint(id === '' ? UNLISTED_FAULT_MARK : id);
  }
  return { cells, shared };
}

function legend(numbered: readonly NumberedFault[], shared: boolean, widthColumns: number, palette: Palette): string[] {
  if (numbered.length === 0) return ['faults: none injected'];
  const listed = numbered.filter(({ id }) => id !== '');
  const timeWidth = Math.max(...listed.map(({ fault }) => formatSecondsPrecise(fault.atUs).length));
  const twoColumns = listed.length >= 8 && widthColumns >= 120;
  const entryWidth = twoColumns ? Math.floor((widthColumns - 2) / 2) : widthColumns;
  const entries = listed.map(({ fault, id }) => {
    const time = formatSecondsPrecise(fault.atUs).padStart(timeWidth);
    const mark = fault.revert ? palette.revertMarker(REVERT_MARK) : ' ';
    const paintId = fault.revert ? palette.revertMarker : palette.faultMarker;
    const labelWidth = entryWidth - (id.length + timeWidth + 7);
    return `  ${paintId(id)}  ${time} ${mark} ${truncateEnd(fault.label, Math.max(8, labelWidth))}`;
  });
  const lines = [heading(numbered.filter(({ fault }) => !fault.revert).length, numbered.length, shared, widthColumns, palette)];
  if (twoColumns) {
    const half = Math.ceil(entries.length / 2);
    lines.push(...sideBySide(entries.slice(0, half), entries.slice(half), 2));
  } else {
    lines.push(...entries);
  }
  const unlisted = numbered.length - listed.length;
  if (unlisted > 0) {
    lines.push(`  … ${unlisted} more faults, marked ${UNLISTED_FAULT_MARK} (all are listed in the JSON output)`);
  }
  return lines;
}

function heading(faultCount: number, recordCount: number, shared: boolean, widthColumns: number, palette: Palette): string {
  const ends = recordCount - faultCount;
  const title = ends === 0 ? `faults (${faultCount})` : `faults (${faultCount}, ${ends} end${ends === 1 ? '' : 's'})`;
  const notes = [`${REVERT_MARK} revert or recovery`];
  if (shared) notes.push(`${SHARED_COLUMN_MARK} several in one column`);
  const noteText = truncateEnd(notes.join(', '), widthColumns - title.length - 2);
  return noteText === '' ? palette.bold(title) : `${palette.bold(title)}  ${palette.dim(noteText)}`;
}
