// `--format table` (default): the sweep summary as a table, one row per combination.

import type { SweepOutputFormat } from '../output-format.js';

export const tableSweepFormat: SweepOutputFormat = {
  name: 'table',
  description: 'a table, one row per combination',
  async render(summary, context) {
    const { renderSweepTable } = await import('../../report/sweep-table.js');
    return renderSweepTable(summary, { color: context.color, widthColumns: context.widthColumns });
  },
};
