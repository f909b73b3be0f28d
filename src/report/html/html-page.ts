// The shell of an HTML report: one self-contained document (inline stylesheet and script, no
// font, image or script from elsewhere; a Content-Security-Policy that forbids every request, so
// that even a mistake cannot make one), the detail panel the script fills, and the body sections.

import { escapeHtml } from './html-escape.js';
import { REPORT_SCRIPT } from './html-script.js';
import { REPORT_CSS } from './html-style.js';

const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:";

export function renderHtmlPage(title: string, bodyParts: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // An empty icon: without it a browser may ask the (absent) server for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    ...bodyParts,
    '<div id="detail" role="dialog" aria-live="polite"><button type="button" id="detail-close">close</button><h3 id="detail-heading"></h3><pre id="detail-text"></pre></div>',
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
