// The HTML report of one or more runs: one self-contained page (html-page.ts), one section per run
// with its header, timeline (SVG and legends), message diagram (when a capture of a window was
// made), metrics by group, failure causes and expectations with their witnesses. Deterministic:
// no wall-clock figure, so the same scenario and seed give the same bytes.

import type { CapturedRun } from '../../capture/event-capture.js';
import type { RunResult } from '../../result/run-result.js';
import { failureCauseShares } from '../failure-cause-shares.js';
import { messageDiagram } from '../message-arrows.js';
import { MESSAGE_ARROWS_MAX, type MessageWindow } from '../message-window.js';
import { formatGrouped } from '../number-format.js';
import { renderExpectationsHtml } from './expectations-html.js';
import { escapeHtml } from './html-escape.js';
import { renderHtmlPage } from './html-page.js';
import { renderMessageDiagramHtml } from './message-diagram-html.js';
import { renderMetricsHtml } from './metrics-html.js';
import { renderRunHeaderHtml } from './run-header-html.js';
import { renderTimelineLegendHtml } from './timeline-legend-html.js';
import { renderTimelineSvg } from './timeline-svg.js';

export interface HtmlRun {
  readonly result: RunResult;
  /** The capture of the message window, when one was made. */
  readonly messages?: { readonly window: MessageWindow; readonly captured: CapturedRun };
}

export function renderRunHtml(runs: readonly HtmlRun[]): string {
  const title = runs.length === 1 ? `ddsim: ${runs[0]!.result.scenario}` : `ddsim: ${runs.length} runs`;
  const navigation =
    runs.length > 1
      ? `<nav>${runs.map((run, index) => `<a href="#run-${index + 1}">${escapeHtml(run.result.scenario)} ${run.result.ok ? '✓' : '✗'}</a>`).join('')}</nav>`
      : '';
  return renderHtmlPage(title, [navigation, ...runs.map((run, index) => runSection(run, index + 1))]);
}

function runSection(run: HtmlRun, number: number): string {
  const { result } = run;
  return [
    `<section class="run" id="run-${number}" data-scenario="${escapeHtml(result.scenario)}">`,
    renderRunHeaderHtml(result),
    '<h2>Timeline</h2>',
    `<div class="scroll">${renderTimelineSvg(result)}</div>`,
    renderTimelineLegendHtml(result),
    ...(run.messages === undefined
      ? []
      : ['<h2>Messages</h2>', renderMessageDiagramHtml(messageDiagram(run.messages.captured, run.messages.window, MESSAGE_ARROWS_MAX))]),
    '<h2>Metrics</h2>',
    renderMetricsHtml(result.metrics, result.metricUnits),
    ...failureCauses(result),
    '<h2>Expectations</h2>',
    renderExpectationsHtml(result.expectations, result.metricUnits),
    '</section>',
  ].join('\n');
}

/** Only models that classify failed attempts (failures.<cause> metrics) get the cause table. */
function failureCauses(result: RunResult): string[] {
  if (!Object.keys(result.metrics).some((name) => name.startsWith('failures.'))) return [];
  const rows = failureCauseShares(result.metrics);
  const body = rows.map(
    (row) =>
      `<tr><td><code>${escapeHtml(row.cause)}</code></td><td class="number">${escapeHtml(formatGrouped(row.count, 0))}</td>` +
      `<td class="number">${row.share === null ? '–' : `${escapeHtml(formatGrouped(row.share * 100, 1))} %`}</td><td>${escapeHtml(row.explanation)}</td></tr>`,
  );
  return [
    '<h2>Failed attempts by true cause</h2>',
    `<table class="failure-causes"><thead><tr><th>cause</th><th>count</th><th>share</th><th>what it means</th></tr></thead><tbody>${body.join('')}</tbody></table>`,
  ];
}
