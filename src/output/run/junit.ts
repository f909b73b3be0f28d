// `--format junit`: one JUnit XML document for every run (a <testsuite> per run, a <testcase>
// per expectation), written when every run is done; for CI test reports (see report/run-junit.ts).

import type { RunOutputFormat } from '../output-format.js';

export const junitRunFormat: RunOutputFormat = {
  name: 'junit',
  description: 'JUnit XML: a testsuite per run, a testcase per expectation',
  afterRun: async () => '',
  async afterAll(runs) {
    const { renderRunJunit } = await import('../../report/run-junit.js');
    return renderRunJunit(runs.map(({ result, timing }) => ({ result, wallMs: timing.wallMs })));
  },
};
