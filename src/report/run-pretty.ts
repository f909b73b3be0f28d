// The whole terminal report of one run: header, timeline, metrics, failure causes,
// expectations and, when the run failed or was cut short, the command that reproduces it.
// Returns text; printing is the CLI's job. Deterministic apart from the wall time in the header.

import type { RunResult, RunTiming } from '../result/run-result.js';
import { renderExpectationsTable } from './expectations-table.js';
import { renderFailureCausesTable } from './failure-causes-table.js';
import { renderHeader } from './run-header.js';
import { renderMetricsTable } from './metrics-table.js';
import { renderReproduce } from './reproduce-line.js';
import { createPalette, type Palette } from './style.js';
import { renderTimeline } from './timeline-render.js';

export interface PrettyOptions {
  readonly color: boolean;
  readonly widthColumns: number;
}

/** Narrower than this the report cannot lay out its tables; it renders at this width. */
export const PRETTY_WIDTH_MIN = 60;

export function renderRunPretty(result: RunResult, timing: RunTiming, options: PrettyOptions): string {
  const width = Math.max(PRETTY_WIDTH_MIN, Math.floor(options.widthColumns));
  const palette = createPalette(options.color);
  const lines = [
    ...renderHeader(result, timing, width, palette),
    ...section('Timeline', renderTimeline(result, width, palette), width, palette),
    ...section('Metrics', renderMetricsTable(shownMetrics(result), width, palette, result.metricUnits), width, palette),
    // Only models that classify failed attempts (failures.<cause> metrics) get the cause table.
    ...(recordsFailureCauses(result)
      ? section('Failed attempts by true cause', renderFailureCausesTable(result.metrics, width, palette), width, palette)
      : []),
    ...section('Expectations', renderExpectationsTable(result.expectations, width, palette, result.metricUnits), width, palette),
  ];
  if (needsReproduce(result)) lines.push('', ...renderReproduce(result.reproduce, width, palette));
  return lines.map((line) => line.trimEnd()).join('\n') + '\n';
}

function recordsFailureCauses(result: RunResult): boolean {
  return Object.keys(result.metrics).some((name) => name.startsWith('failures.'));
}

/** A failed expectation or a run cut short must say how to reproduce it. */
export function needsReproduce(result: RunResult): boolean {
  return result.stopReason !== 'completed' || result.expectations.some((expectation) => !expectation.ok);
}

function section(title: string, body: readonly string[], width: number, palette: Palette): string[] {
  const rule = '─'.repeat(Math.max(0, width - title.length - 4));
  return ['', palette.heading(`── ${title} `) + palette.dim(rule), ...body];
}

/** Where every clock stayed true time, the clock.* metrics are all 0: the JSON keeps them, the table drops them. */
function shownMetrics(result: RunResult): Readonly<Record<string, number>> {
  if (result.timeline.clockOffsetMsPerBucket !== undefined) return result.metrics;
  return Object.fromEntries(Object.entries(result.metrics).filter(([name]) => !name.startsWith('clock.')));
}
