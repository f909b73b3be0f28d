// `--format github`: GitHub Actions annotations (an ::error at the `expect:` line of each failed
// expectation) as each run is done, and a Markdown job summary of all runs.

import type { RunOutputFormat } from '../output-format.js';

export const githubRunFormat: RunOutputFormat = {
  name: 'github',
  description: 'GitHub Actions annotations and job summary',
  async afterRun({ result, timing }) {
    const { renderRunAnnotations } = await import('../../report/run-github.js');
    return renderRunAnnotations(result, timing);
  },
  afterAll: async () => '',
  async jobSummary(runs) {
    const { renderRunsJobSummary } = await import('../../report/run-github.js');
    return renderRunsJobSummary(runs.map(({ result }) => result));
  },
};
