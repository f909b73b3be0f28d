// `--format junit`: the sweep as JUnit XML, a testsuite per combination and a testcase per
// expectation (see report/sweep-junit.ts).

import type { SweepOutputFormat } from '../output-format.js';

export const junitSweepFormat: SweepOutputFormat = {
  name: 'junit',
  description: 'JUnit XML: a testsuite per combination, a testcase per expectation',
  async render(summary) {
    const { renderSweepJunit } = await import('../../report/sweep-junit.js');
    return renderSweepJunit(summary);
  },
};
