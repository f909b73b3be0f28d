// The one way the report builds a cli-table3 table: compact rows, no colours of its own (the
// palette paints cell text, so colour=false leaves no escapes), and column widths fitted to the
// terminal by shrinking one flexible column that wraps its text.

import Table from 'cli-table3';
import { visibleLength } from './text-layout.js';

export type Cell = Table.Cell;
export type Row = Cell[];

export interface TableSpec {
  readonly head: readonly string[];
  readonly rows: readonly Row[];
  /** The column that wraps when the table is too wide (usually the longest text). */
  readonly flexibleColumn: number;
  readonly alignRight?: readonly number[];
  readonly widthColumns: number;
}

/** cli-table3 counts 1 column of padding on each side of a cell. */
const CELL_PADDING = 2;
const FLEXIBLE_COLUMN_MIN = 12;

export function renderTable(spec: TableSpec): string[] {
  const colWidths = fitColumnWidths(spec);
  const table = new Table({
    head: [...spec.head],
    colWidths,
    colAligns: spec.head.map((_, index) => (spec.alignRight?.includes(index) ? 'right' : 'left')),
    wordWrap: true,
    style: { head: [], border: [], compact: true },
  });
  table.push(...spec.rows.map((row) => [...row]));
  return table.toString().split('\n');
}

/** Natural widths, with the flexible column shrunk so the whole table fits `widthColumns`. */
export function fitColumnWidths(spec: TableSpec): number[] {
  const natural = spec.head.map((title) => visibleLength(title) + CELL_PADDING);
  for (const row of spec.rows) {
    if (row.length !== spec.head.length) continue; // spanning rows do not size columns
    row.forEach((cell, index) => {
      natural[index] = Math.max(natural[index], visibleLength(cellText(cell)) + CELL_PADDING);
    });
  }
  const borders = spec.head.length + 1;
  const total = natural.reduce((sum, width) => sum + width, 0) + borders;
  const excess = total - spec.widthColumns;
  if (excess > 0) {
    const flexible = spec.flexibleColumn;
    natural[flexible] = Math.max(FLEXIBLE_COLUMN_MIN, natural[flexible] - excess);
  }
  return natural;
}

function cellText(cell: Cell): string {
  if (cell !== null && typeof cell === 'object') return String(cell.content ?? '');
  return String(cell ?? '');
}
