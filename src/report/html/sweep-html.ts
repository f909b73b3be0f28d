// The HTML report of a sweep: one self-contained page (html-page.ts) with the heading (file,
// combinations × seeds, runs passed and failed), the summary table of sweep-table.ts (one row per
// combination: pass rates of every expectation, median [5 % – 95 %] of each metric), the heat map
// of the grid when two paths are varied, and the commands that reproduce the first failing run of
// each failing combination. Deterministic: the same runs give the same bytes.

import type { CombinationSummary, SweepSummary } from '../../sweep/summarize.js';
import { passRateText, spreadText } from '../sweep-cells.js';
import { escapeHtml } from './html-escape.js';
import { renderHtmlPage } from './html-page.js';
import { renderSweepHeatmapSvg } from './sweep-heatmap-svg.js';

export function renderSweepHtml(summary: SweepSummary): string {
  const parts = [
    `<h1>Sweep of ${escapeHtml(summary.file)} ${summary.okRuns === summary.runs && summary.missingRuns === 0 && summary.runs > 0 ? '<span class="verdict pass">✓ PASS</span>' : '<span class="verdict fail">✗ FAIL</span>'}</h1>`,
    `<div class="facts">${facts(summary)}</div>`,
    '<h2>Combinations</h2>',
    summary.metrics.length > 0 ? '<p class="note">Metrics: median across seeds [5 % – 95 %]. Expectations: share of runs in which each held.</p>' : '',
    `<div class="scroll">${combinationTable(summary)}</div>`,
    ...(summary.grid === null
      ? []
      : [
          `<h2>Grid: ${escapeHtml(summary.grid.metric)}</h2>`,
          `<p class="note">Median across seeds; ${escapeHtml(summary.grid.rowPath)} down, ${escapeHtml(summary.grid.columnPath)} across; green is the better end. ✗ a run failed an expectation, ★ the best combination.</p>`,
          `<div class="scroll">${renderSweepHeatmapSvg(summary, summary.grid)}</div>`,
        ]),
    ...failingRuns(summary),
  ];
  return renderHtmlPage(`ddsim sweep: ${summary.file}`, parts.filter((part) => part !== ''));
}

function facts(summary: SweepSummary): string {
  const items: [string, string][] = [
    ['combinations', String(summary.combinations.length)],
    ['seeds', String(summary.seedCount)],
    ['runs', `${summary.runs} of ${summary.expectedRuns}`],
    ['passed every expectation', String(summary.okRuns)],
    ...(summary.errorRuns > 0 ? [['threw an error', String(summary.errorRuns)] as [string, string]] : []),
    ...(summary.missingRuns > 0 ? [['missing', String(summary.missingRuns)] as [string, string]] : []),
    ['sweep', summary.fingerprint],
  ];
  return items.map(([name, value]) => `<span><b>${escapeHtml(name)}</b>${escapeHtml(value)}</span>`).join('');
}

function statusMark(combination: CombinationSummary, best: boolean): string {
  if (combination.runs === 0) return '?';
  if (combination.okRuns < combination.runs) return '✗';
  return best ? '★' : '✓';
}

function combinationTable(summary: SweepSummary): string {
  const paths = summary.varyPaths;
  const expressions = summary.combinations[0]?.expectations.map((expectation) => expectation.expr) ?? [];
  const head = ['', ...(paths.length === 0 ? ['combination'] : paths), 'runs', 'all pass', ...expressions, ...summary.metrics];
  const rows = summary.combinations.map((combination) => {
    const best = combination.index === summary.bestIndex;
    const failing = combination.okRuns < combination.runs;
    const runs = combination.runs === combination.expectedRuns ? String(combination.runs) : `${combination.runs}/${combination.expectedRuns}`;
    const cells = [
      `<td class="${failing ? 'bad' : 'ok'}">${statusMark(combination, best)}</td>`,
      ...(paths.length === 0 ? ['<td>(as written)</td>'] : combination.params.map((param) => `<td><code>${escapeHtml(param.value)}</code></td>`)),
      `<td class="number">${escapeHtml(runs)}</td>`,
      `<td class="number${failing ? ' bad' : ''}">${escapeHtml(passRateText(combination.okRuns, combination.runs))}</td>`,
      ...combination.expectations.map(
        (expectation) =>
          `<td class="number${expectation.passed < expectation.runs ? ' bad' : ''}">${escapeHtml(passRateText(expectation.passed, expectation.runs))}</td>`,
      ),
      ...combination.metrics.map((spread) => `<td class="number">${escapeHtml(spreadText(spread))}</td>`),
    ];
    return `<tr class="combination" data-combination="${combination.index}"${best ? ' data-best="true"' : ''}>${cells.join('')}</tr>`;
  });
  return `<table class="sweep"><thead><tr>${head.map((title) => `<th>${escapeHtml(title)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function failingRuns(summary: SweepSummary): string[] {
  const failing = summary.combinations.filter((combination) => combination.firstFailure !== null);
  if (failing.length === 0) return summary.runs > 0 ? ['<p class="ok">✓ every run met every expectation</p>'] : [];
  const lines = failing.map((combination) => {
    const failure = combination.firstFailure!;
    return `${failure.reproduce}${failure.error === null ? '' : `   # threw: ${failure.error.split('\n')[0]}`}`;
  });
  return [
    `<h2>Failing: ${failing.length} of ${summary.combinations.length} combinations</h2>`,
    '<p class="note">Reproduce the first failing run of each:</p>',
    `<pre class="reproduce">${escapeHtml(lines.join('\n'))}</pre>`,
  ];
}
