// The failure-cause table: for each true cause that occurred, how many failed attempts it
// explains, its share of them, and what it means (the client itself only saw a timeout).

import { causesThatHappened, failureCauseShares } from './failure-cause-shares.js';
import { formatGrouped } from './number-format.js';
import type { Palette } from './style.js';
import { renderTable } from './table-frame.js';

export function renderFailureCausesTable(
  metrics: Readonly<Record<string, number>>,
  widthColumns: number,
  palette: Palette,
): string[] {
  const happened = causesThatHappened(failureCauseShares(metrics));
  if (happened.length === 0) return [palette.pass('✓') + ' no failed attempts'];
  return renderTable({
    head: ['cause', 'count', 'share', 'what happened'].map((title) => palette.bold(title)),
    rows: happened.map((row) => [
      row.cause,
      formatGrouped(row.count, 0),
      row.share === null ? 'n/a' : `${(row.share * 100).toFixed(1)} %`,
      row.explanation === '' ? palette.dim('(reported by the model)') : row.explanation,
    ]),
    flexibleColumn: 3,
    alignRight: [1, 2],
    widthColumns,
  });
}
