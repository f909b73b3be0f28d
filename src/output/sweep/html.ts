// `--format html`: the sweep summary as one self-contained HTML page (the table and, for two
// varied paths, a heat map of the grid); see src/report/html/sweep-html.ts.

import type { SweepOutputFormat } from '../output-format.js';

export const htmlSweepFormat: SweepOutputFormat = {
  name: 'html',
  description: 'one self-contained HTML page (the table, a heat map of the grid)',
  async render(summary) {
    const { renderSweepHtml } = await import('../../report/html/sweep-html.js');
    return renderSweepHtml(summary);
  },
};
