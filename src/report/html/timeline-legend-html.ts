// What the timeline drawing shows, under it in HTML: the lane colours and the flags drawn, the
// failure-rate row, the faults (numbered as on the markers and in the terminal legend) and the
// violation marks, each with its time and label.

import type { RunResult } from '../../result/run-result.js';
import { numberFaults, REVERT_MARK } from '../fault-markers.js';
import { LANE_STATE_LOOKS } from '../lane-states.js';
import { formatSecondsPrecise, formatSecondsShort } from '../number-format.js';
import { VIOLATION_MARK, violationMarks } from '../violation-markers.js';
import { escapeHtml } from './html-escape.js';

export function renderTimelineLegendHtml(result: RunResult): string {
  const { timeline } = result;
  const flagNames = [...new Set(timeline.lanes.flatMap((lane) => (lane.flags ?? []).map((flag) => flag.name)))].sort();
  const items = [
    ...LANE_STATE_LOOKS.map((look) => `<span><i class="swatch ${look.state}"></i>${escapeHtml(look.label)}</span>`),
    ...(flagNames.length === 0 ? [] : [`<span><i class="swatch flag"></i>${escapeHtml(flagNames.join(', '))} (row under the node)</span>`]),
    ...(timeline.failureMetrics.length === 0
      ? []
      : [`<span><i class="swatch failure"></i>failure rate per ${escapeHtml(formatSecondsShort(timeline.bucketUs / 1000))} bucket: ${escapeHtml(timeline.failureMetrics.join(' + '))} / (those + successes)</span>`]),
    '<span>hover a mark for details, click it to keep them</span>',
  ];
  return [`<div class="legend">${items.join('')}</div>`, faultList(result), violationList(result)].join('\n');
}

function faultList(result: RunResult): string {
  const numbered = numberFaults(result.faults);
  if (numbered.length === 0) return '<p class="note">faults: none injected</p>';
  const rows = numbered.map(
    ({ fault, id }) =>
      `<tr><td class="mono">${escapeHtml(id || '·')}</td><td class="number">${escapeHtml(formatSecondsPrecise(fault.atUs))}</td>` +
      `<td>${fault.revert ? REVERT_MARK : ''}</td><td>${escapeHtml(fault.label)}${fault.skipped ? ' <span class="note">(skipped: no node held the role)</span>' : ''}</td></tr>`,
  );
  return `<table class="fault-list"><thead><tr><th colspan="4">faults (${REVERT_MARK} revert or recovery)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function violationList(result: RunResult): string {
  const marks = violationMarks(result.expectations).sort((a, b) => a.atMs - b.atMs);
  if (marks.length === 0) return '';
  const rows = marks.map(
    (mark) =>
      `<tr><td class="bad">${VIOLATION_MARK}</td><td class="number">${escapeHtml(formatSecondsPrecise(mark.atMs * 1000))}</td>` +
      `<td>${escapeHtml(mark.label)}</td><td><code>${escapeHtml(mark.expr)}</code></td></tr>`,
  );
  return `<table class="violation-list"><thead><tr><th colspan="4">violations (${marks.length})</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}
