// `--format json`: one JSON document per run (an array of them for several files), written when
// every run is done; runs whose model failed are left out (their error is on stderr). Carries
// everything the pretty report shows (docs/run-json.md).

import type { RunOutputFormat } from '../output-format.js';

export const jsonRunFormat: RunOutputFormat = {
  name: 'json',
  description: 'one JSON document per run (an array for several files)',
  afterRun: async () => '',
  async afterAll(runs, context) {
    const { renderRunJson } = await import('../../report/run-json.js');
    const documents = runs.map(({ result }) => renderRunJson(result).trimEnd());
    // An array whenever several runs were asked for, even if a model failure left one.
    const several = (context.plannedRunCount ?? runs.length) > 1;
    return several ? `[\n${documents.join(',\n')}\n]\n` : `${documents[0]}\n`;
  },
};
