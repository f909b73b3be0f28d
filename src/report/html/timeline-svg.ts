// The run's timeline as an SVG drawing: one lane per node (up, down, paused, cut off as coloured
// runs of buckets), a thin row under a node for each flag a model set on it (suspected, leader...),
// the faults as numbered vertical markers (the ids of the terminal legend, see fault-markers.ts),
// the failure rate per bucket as bars, and the violation marks as ✗. Every mark carries a <title>
// (the browser shows it on hover) and a data-detail the page's script shows on click. Data
// attributes (data-node, data-flag, data-fault) name what each element stands for, for tests.

import type { NodeLaneState, RunResult, Timeline, TimelineLane } from '../../result/run-result.js';
import { numberFaults, REVERT_MARK } from '../fault-markers.js';
import { laneStateLook } from '../lane-states.js';
import { formatGrouped, formatSecondsPrecise } from '../number-format.js';
import { VIOLATION_MARK, violationMarks } from '../violation-markers.js';
import { escapeHtml, px } from './html-escape.js';
import { renderTimeAxisSvg, xOfMs, type TimeScale } from './time-axis-svg.js';

const NAME_COLUMN_PX = 140;
const PLOT_WIDTH_PX = 1000;
const RIGHT_MARGIN_PX = 16;
const LANE_HEIGHT_PX = 16;
const LANE_GAP_PX = 4;
const FLAG_ROW_HEIGHT_PX = 7;
const ROW_HEIGHT_PX = 22;
const AXIS_HEIGHT_PX = 22;

export function renderTimelineSvg(result: RunResult): string {
  const { timeline } = result;
  const scale: TimeScale = { fromMs: 0, toMs: (timeline.bucketCount * timeline.bucketUs) / 1000, leftPx: NAME_COLUMN_PX, widthPx: PLOT_WIDTH_PX };
  let yPx = 4;
  const lanes: string[] = [];
  for (const lane of timeline.lanes) {
    lanes.push(laneGroup(lane, timeline, scale, yPx));
    yPx += LANE_HEIGHT_PX + LANE_GAP_PX;
    for (const flag of lane.flags ?? []) {
      lanes.push(flagGroup(lane.node, flag.name, flag.buckets, timeline, scale, yPx));
      yPx += FLAG_ROW_HEIGHT_PX + LANE_GAP_PX;
    }
  }
  const lanesBottomPx = yPx;
  const faults = faultRow(result, scale, { topPx: 0, rowYPx: yPx });
  yPx += ROW_HEIGHT_PX;
  const failures = timeline.failureMetrics.length > 0 ? failureRow(timeline, scale, yPx) : '';
  if (failures !== '') yPx += ROW_HEIGHT_PX;
  const violations = violationRow(result, scale, yPx);
  if (violations !== '') yPx += ROW_HEIGHT_PX;
  const axis = renderTimeAxisSvg(scale, { topPx: 0, bottomPx: yPx, labelYPx: yPx + 14 });
  const heightPx = yPx + AXIS_HEIGHT_PX;
  const widthPx = NAME_COLUMN_PX + PLOT_WIDTH_PX + RIGHT_MARGIN_PX;
  return [
    `<svg class="timeline" width="${widthPx}" height="${px(heightPx)}" viewBox="0 0 ${widthPx} ${px(heightPx)}" role="img" aria-label="timeline of ${escapeHtml(result.scenario)}">`,
    axis,
    `<g class="lanes" data-bottom="${px(lanesBottomPx)}">${lanes.join('')}</g>`,
    faults,
    failures,
    violations,
    '</svg>',
  ].join('\n');
}

function bucketSpan(timeline: Timeline, first: number, endExclusive: number): string {
  return `${formatSecondsPrecise(first * timeline.bucketUs)}–${formatSecondsPrecise(endExclusive * timeline.bucketUs)}`;
}

/** Runs of equal values: [value, first bucket, end bucket (exclusive)]. */
function runsOf<T>(values: readonly T[]): [T, number, number][] {
  const runs: [T, number, number][] = [];
  let start = 0;
  for (let index = 1; index <= values.length; index++) {
    if (index < values.length && values[index] === values[start]) continue;
    runs.push([values[start]!, start, index]);
    start = index;
  }
  return runs;
}

function bucketX(timeline: Timeline, scale: TimeScale, bucket: number): number {
  return xOfMs(scale, (bucket * timeline.bucketUs) / 1000);
}

function rowName(text: string, yPx: number, className: string): string {
  return `<text class="${className}" x="${NAME_COLUMN_PX - 8}" y="${px(yPx)}">${escapeHtml(text)}</text>`;
}

function laneGroup(lane: TimelineLane, timeline: Timeline, scale: TimeScale, yPx: number): string {
  const rects = runsOf<NodeLaneState>(lane.states).map(([state, first, end]) => {
    const x = bucketX(timeline, scale, first);
    const width = bucketX(timeline, scale, end) - x;
    const detail = `${lane.node}: ${laneStateLook(state).label} ${bucketSpan(timeline, first, end)}`;
    return `<rect class="state ${state}" data-state="${state}" x="${px(x)}" y="${px(yPx)}" width="${px(width)}" height="${LANE_HEIGHT_PX}" data-detail="${escapeHtml(detail)}"><title>${escapeHtml(detail)}</title></rect>`;
  });
  return `<g class="lane" data-node="${escapeHtml(lane.node)}">${rowName(lane.node, yPx + LANE_HEIGHT_PX - 4, 'lane-name')}${rects.join('')}</g>`;
}

function flagGroup(node: string, flag: string, buckets: readonly boolean[], timeline: Timeline, scale: TimeScale, yPx: number): string {
  const rects = runsOf(buckets)
    .filter(([on]) => on)
    .map(([, first, end]) => {
      const x = bucketX(timeline, scale, first);
      const detail = `${node}: ${flag} ${bucketSpan(timeline, first, end)}`;
      return `<rect class="flag-on" x="${px(x)}" y="${px(yPx)}" width="${px(bucketX(timeline, scale, end) - x)}" height="${FLAG_ROW_HEIGHT_PX}" data-detail="${escapeHtml(detail)}"><title>${escapeHtml(detail)}</title></rect>`;
    });
  return `<g class="flag-row" data-node="${escapeHtml(node)}" data-flag="${escapeHtml(flag)}">${rowName(flag, yPx + FLAG_ROW_HEIGHT_PX, 'flag-name')}${rects.join('')}</g>`;
}

function faultRow(result: RunResult, scale: TimeScale, geometry: { readonly topPx: number; readonly rowYPx: number }): string {
  const markers = numberFaults(result.faults).map(({ fault, id }, index) => {
    const x = px(xOfMs(scale, fault.atUs / 1000));
    const label = `${formatSecondsPrecise(fault.atUs)} ${fault.revert ? `${REVERT_MARK} ` : ''}${fault.label}${fault.skipped ? ' (skipped: no node held the role)' : ''}`;
    const className = fault.revert ? 'fault revert' : 'fault';
    return (
      `<g class="${className}" data-fault="${index}" data-detail="${escapeHtml(`fault ${id || '·'}: ${label}`)}"><title>${escapeHtml(label)}</title>` +
      `<line x1="${x}" y1="${px(geometry.topPx)}" x2="${x}" y2="${px(geometry.rowYPx + 4)}"/>` +
      `<text x="${x}" y="${px(geometry.rowYPx + ROW_HEIGHT_PX - 6)}">${escapeHtml(id || '·')}</text></g>`
    );
  });
  return `<g class="faults">${rowName('faults', geometry.rowYPx + ROW_HEIGHT_PX - 6, 'row-name')}${markers.join('')}</g>`;
}

/** A bar per bucket with failures, as tall as the bucket's failure rate (failed / (failed + succeeded)). */
function failureRow(timeline: Timeline, scale: TimeScale, yPx: number): string {
  const bars: string[] = [];
  const barHeightMaxPx = ROW_HEIGHT_PX - 4;
  timeline.failuresPerBucket.forEach((failed, bucket) => {
    if (failed <= 0) return;
    const succeeded = timeline.successesPerBucket[bucket] ?? 0;
    const rate = failed / (failed + succeeded);
    const x = bucketX(timeline, scale, bucket);
    const heightPx = Math.max(1, rate * barHeightMaxPx);
    const detail = `${bucketSpan(timeline, bucket, bucket + 1)}: ${formatGrouped(failed, 0)} failed, ${formatGrouped(succeeded, 0)} succeeded (failure rate ${formatGrouped(rate * 100, 1)} %)`;
    bars.push(
      `<rect class="failure-bar" data-bucket="${bucket}" x="${px(x)}" y="${px(yPx + 2 + barHeightMaxPx - heightPx)}" width="${px(Math.max(1, bucketX(timeline, scale, bucket + 1) - x))}" height="${px(heightPx)}" data-detail="${escapeHtml(detail)}"><title>${escapeHtml(detail)}</title></rect>`,
    );
  });
  const title = `failure rate of ${timeline.failureMetrics.join(' + ')} per bucket`;
  return `<g class="failure-rate" data-detail="${escapeHtml(title)}">${rowName('failure rate', yPx + ROW_HEIGHT_PX - 6, 'row-name')}<line class="baseline" x1="${NAME_COLUMN_PX}" y1="${px(yPx + ROW_HEIGHT_PX - 2)}" x2="${NAME_COLUMN_PX + PLOT_WIDTH_PX}" y2="${px(yPx + ROW_HEIGHT_PX - 2)}"/>${bars.join('')}</g>`;
}

function violationRow(result: RunResult, scale: TimeScale, yPx: number): string {
  const marks = violationMarks(result.expectations);
  if (marks.length === 0) return '';
  const glyphs = marks.map((mark) => {
    const detail = `${formatSecondsPrecise(mark.atMs * 1000)} ${mark.label} (${mark.expr})`;
    return `<text class="violation" x="${px(xOfMs(scale, mark.atMs))}" y="${px(yPx + ROW_HEIGHT_PX - 6)}" data-detail="${escapeHtml(detail)}">${VIOLATION_MARK}<title>${escapeHtml(detail)}</title></text>`;
  });
  return `<g class="violations">${rowName('violated', yPx + ROW_HEIGHT_PX - 6, 'row-name')}${glyphs.join('')}</g>`;
}
