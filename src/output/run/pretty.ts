// `--format pretty` (default): the terminal report of each run as soon as it is done (header,
// timeline, metrics, causes, expectations); with -q one summary line per run.

import type { RunOutputFormat } from '../output-format.js';

export const prettyRunFormat: RunOutputFormat = {
  name: 'pretty',
  description: 'the terminal report (one summary line per run with -q)',
  async afterRun({ result, timing }, context) {
    if (context.quiet) {
      const { renderRunSummary } = await import('../../report/run-summary.js');
      const reproduce = result.ok ? '' : `Reproduce: ${result.reproduce}\n`;
      return `${renderRunSummary(result, timing, { color: context.color })}\n${reproduce}`;
    }
    const { renderRunPretty } = await import('../../report/run-pretty.js');
    return renderRunPretty(result, timing, { color: context.color, widthColumns: context.widthColumns });
  },
  afterAll: async () => '',
};
