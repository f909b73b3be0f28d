// `--format html`: one self-contained HTML page for all the runs (one section each), written when
// every run is done: header, SVG timeline, message diagram of a window, metrics, expectations
// with witnesses (src/report/html/). The command captures the message window for it (wantsMessages).

import type { RunOutputFormat } from '../output-format.js';

export const htmlRunFormat: RunOutputFormat = {
  name: 'html',
  description: 'one self-contained HTML page (timeline, message diagram, metrics, expectations)',
  wantsMessages: true,
  afterRun: async () => '',
  async afterAll(runs) {
    const { renderRunHtml } = await import('../../report/html/run-html.js');
    return renderRunHtml(runs);
  },
};
