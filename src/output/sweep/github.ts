// `--format github`: GitHub Actions annotations (an ::error at the `expect:` line of each
// expectation that failed somewhere, with the combinations) and a Markdown job summary.

import type { SweepOutputFormat } from '../output-format.js';

export const githubSweepFormat: SweepOutputFormat = {
  name: 'github',
  description: 'GitHub Actions annotations and job summary',
  async render(summary) {
    const { renderSweepAnnotations } = await import('../../report/sweep-github.js');
    return renderSweepAnnotations(summary);
  },
  async jobSummary(summary) {
    const { renderSweepJobSummary } = await import('../../report/sweep-github.js');
    return renderSweepJobSummary(summary);
  },
};
