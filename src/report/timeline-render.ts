// The timeline section of the terminal report: node lanes, the fault row, the failed-requests
// sparkline and a time axis, all on the same columns, followed by their legends.

import type { RunResult } from '../result/run-result.js';
import { renderFaultMarkers } from './fault-markers.js';
import { formatGrouped, formatSecondsShort } from './number-format.js';
import { sparkline } from './sparkline.js';
import { renderViolationMarkers } from './violation-markers.js';
import type { Palette } from './style.js';
import { padEndVisible, truncateEnd } from './text-layout.js';
import { renderTimeAxis } from './time-axis.js';
import { chooseColumnMapping, columnSpanUs, countsPerColumn, valuesPerColumn, type ColumnMapping } from './timeline-columns.js';
import { drawnLaneNames, laneLegend, renderLaneRows } from './timeline-lanes.js';

const ROW_LABELS = { faults: 'faults', failed: 'failed', clock: 'clock', violated: 'violated', time: 'time' } as const;
const NAME_COLUMN_MIN = 6;

export function renderTimeline(result: RunResult, widthColumns: number, palette: Palette): string[] {
  const { timeline } = result;
  if (timeline.bucketCount <= 0) return [palette.dim('(no timeline recorded)')];
  const nameColumnWidth = chooseNameColumnWidth(drawnLaneNames(timeline.lanes), widthColumns);
  const mapping = chooseColumnMapping(timeline.bucketCount, widthColumns - nameColumnWidth - 1);
  const rowLabel = (text: string) => padEndVisible(truncateEnd(text, nameColumnWidth), nameColumnWidth) + ' ';
  const markers = renderFaultMarkers(
    result.faults,
    { mapping, bucketUs: timeline.bucketUs, widthColumns },
    palette,
  );
  const failed = sparkline(countsPerColumn(mapping, timeline.failuresPerBucket));
  const hasFailureRow = timeline.failureMetrics.length > 0;
  const violations = renderViolationMarkers(
    result.expectations,
    { mapping, bucketUs: timeline.bucketUs, widthColumns },
    palette,
  );
  const clock = timeline.clockOffsetMsPerBucket === undefined ? null : sparkline(valuesPerColumn(mapping, timeline.clockOffsetMsPerBucket, Math.max));
  const spanMs = (timeline.bucketCount * timeline.bucketUs) / 1000;
  return [
    ...renderLaneRows({ lanes: timeline.lanes, mapping, nameColumnWidth }, palette),
    rowLabel(ROW_LABELS.faults) + markers.cells.join(''),
    // A model that counts no failures over time (e.g. heartbeat) has no failure row.
    ...(hasFailureRow ? [rowLabel(ROW_LABELS.failed) + failed.glyphs.join('').replace(/[^ ]+/g, (bars) => palette.failureBar(bars))] : []),
    ...(clock ? [rowLabel(ROW_LABELS.clock) + clock.glyphs.join('')] : []),
    ...(violations ? [rowLabel(ROW_LABELS.violated) + violations.cells.join('')] : []),
    palette.dim(rowLabel(ROW_LABELS.time) + renderTimeAxis(spanMs, mapping.columnCount)),
    '',
    laneLegend(palette, timeline.lanes),
    ...(hasFailureRow ? [palette.dim(truncateEnd(sparkLegend(failed.maxValue, mapping, timeline), widthColumns))] : []),
    ...(clock ? [palette.dim(truncateEnd(clockLegend(clock.maxValue), widthColumns))] : []),
    ...markers.legendLines,
    ...(violations ? [`violations (${violations.legendLines.length})`, ...violations.legendLines] : []),
  ];
}

function chooseNameColumnWidth(names: readonly string[], widthColumns: number): number {
  const longest = Math.max(NAME_COLUMN_MIN, ...names.map((name) => [...name].length));
  const cap = Math.max(8, Math.floor(widthColumns * 0.2));
  return Math.min(longest, cap);
}

function sparkLegend(maxValue: number, mapping: ColumnMapping, timeline: RunResult['timeline']): string {
  const widened = mapping.columnCount >= mapping.bucketCount;
  const periodUs = widened ? timeline.bucketUs : columnSpanUs(mapping, timeline.bucketUs);
  const period = `${formatSecondsShort(periodUs / 1000)} ${widened ? 'bucket' : 'column'}`;
  const counted = timeline.failureMetrics.join(' + ');
  if (maxValue === 0) return `${ROW_LABELS.failed}: ${counted} per ${period}: none`;
  return `${ROW_LABELS.failed}: ${counted} per ${period}; █ = ${formatGrouped(maxValue, 0)}`;
}

function clockLegend(maxValueMs: number): string {
  if (maxValueMs === 0) return `${ROW_LABELS.clock}: largest |node clock − true time| per column: 0 throughout`;
  return `${ROW_LABELS.clock}: largest |node clock − true time| per column; █ = ${formatMilliseconds(maxValueMs)}`;
}

function formatMilliseconds(ms: number): string {
  return ms >= 1000 ? `${formatGrouped(ms / 1000, 2)} s` : `${formatGrouped(ms, ms >= 10 ? 1 : 3)} ms`;
}
