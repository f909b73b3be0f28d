// `--format json`: one JSON document per run (an array of them for several files), written when
// every run is done. Carries everything the pretty report shows (docs/run-json.md).

import type { RunOutputFormat } from '../output-format.js';

export const jsonRunFormat: RunOutputFormat = {
  name: 'json',
  description: 'one JSON document per run (an array for several files)',
  afterRun: async () => '',
  async afterAll(runs) {
    const { renderRunJson } = await import('../../report/run-json.js');
    const documents = runs.map(({ result }) => renderRunJson(result).trimEnd());
    return documents.length === 1 ? `${documents[0]}\n` : `[\n${documents.join(',\n')}\n]\n`;
  },
};
