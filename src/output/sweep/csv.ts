// `--format csv`: the sweep summary as CSV, one row per combination.

import type { SweepOutputFormat } from '../output-format.js';

export const csvSweepFormat: SweepOutputFormat = {
  name: 'csv',
  description: 'CSV, one row per combination',
  async render(summary) {
    const { renderSweepCsv } = await import('../../report/sweep-csv.js');
    return renderSweepCsv(summary);
  },
};
