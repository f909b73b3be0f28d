// The expectations of a run as an HTML table (as written, observed in the metric's unit, PASS or
// FAIL), followed by the witness of each violated check: its readable form (witness-render.ts)
// and, folded, the whole witness as JSON (nothing is cut in the HTML report).

import type { ExpectationResult } from '../../result/run-result.js';
import { formatObserved } from '../expectations-table.js';
import type { MetricUnit } from '../metric-units.js';
import { renderWitness } from '../witness-render.js';
import { escapeHtml } from './html-escape.js';

const WITNESS_WIDTH_COLUMNS = 120;

export function renderExpectationsHtml(expectations: readonly ExpectationResult[], units: Readonly<Record<string, MetricUnit>> = {}): string {
  if (expectations.length === 0) return '<p class="note">no expectations in this scenario</p>';
  const rows = expectations.map(
    (expectation) =>
      `<tr class="expectation" data-ok="${expectation.ok}"><td><code>${escapeHtml(expectation.expr)}</code></td>` +
      `<td class="number">${escapeHtml(formatObserved(expectation, units))}</td>` +
      `<td class="${expectation.ok ? 'ok' : 'bad'}">${expectation.ok ? '✓ PASS' : '✗ FAIL'}</td></tr>`,
  );
  const table = `<table class="expectations"><thead><tr><th>expectation</th><th>observed</th><th>result</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const witnesses = expectations.filter((expectation) => expectation.witness !== undefined).map(witnessBlock);
  return [table, ...witnesses].join('\n');
}

function witnessBlock(expectation: ExpectationResult): string {
  const readable = renderWitness(expectation.witness, WITNESS_WIDTH_COLUMNS).join('\n');
  const json = JSON.stringify(expectation.witness, null, 2) ?? String(expectation.witness);
  return (
    `<div class="witness"><h3>witness for <code>${escapeHtml(expectation.expr)}</code></h3>` +
    `<pre>${escapeHtml(readable)}</pre>` +
    `<details><summary>the whole witness (JSON)</summary><pre>${escapeHtml(json)}</pre></details></div>`
  );
}
