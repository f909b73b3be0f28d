// `--format json`: the sweep summary as one JSON document.

import type { SweepOutputFormat } from '../output-format.js';

export const jsonSweepFormat: SweepOutputFormat = {
  name: 'json',
  description: 'one JSON document',
  async render(summary) {
    const { renderSweepJson } = await import('../../report/sweep-json.js');
    return renderSweepJson(summary);
  },
};
