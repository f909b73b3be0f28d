// The metrics table: every metric of the run that has a value, grouped (see metric-groups.ts),
// each value in its unit; metrics without data (null: e.g. availability during a crash that never
// happened) are counted in a note, and the JSON document still carries them. On a wide terminal
// the groups are split over two tables side by side.

import { groupMetricNames, type MetricGroup } from './metric-groups.js';
import { formatMetricValue, type MetricUnit } from './metric-units.js';
import type { Palette } from './style.js';
import { renderTable, type Row } from './table-frame.js';
import { sideBySide, widestLine } from './text-layout.js';

const SIDE_BY_SIDE_GAP = 2;

export function renderMetricsTable(
  metrics: Readonly<Record<string, number>>,
  widthColumns: number,
  palette: Palette,
  units: Readonly<Record<string, MetricUnit>> = {},
): string[] {
  const format = (name: string, value: number): string => formatMetricValue(name, value, units);
  const names = Object.keys(metrics);
  const withData = names.filter((name) => hasData(metrics[name]));
  const note = names.length > withData.length ? [palette.dim(noDataNote(names.length - withData.length))] : [];
  const groups = groupMetricNames(withData);
  if (groups.length === 0) return [palette.dim('no metrics recorded'), ...note];
  return [...layOut(groups, metrics, widthColumns, palette, format), ...note];
}

function hasData(value: number | null | undefined): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

function noDataNote(count: number): string {
  return `${count} metric${count === 1 ? '' : 's'} without data (n/a) not shown; --format json lists every metric`;
}

type FormatValue = (name: string, value: number) => string;

function layOut(
  groups: readonly MetricGroup[],
  metrics: Readonly<Record<string, number>>,
  widthColumns: number,
  palette: Palette,
  format: FormatValue,
): string[] {
  const single = tableOf(groups, metrics, widthColumns, palette, format);
  const split = splitGroups(groups);
  if (split === null) return single;
  // Side by side only when both halves fit without cutting a name.
  const left = tableOf(split[0], metrics, Infinity, palette, format);
  const right = tableOf(split[1], metrics, Infinity, palette, format);
  if (widestLine(left) + SIDE_BY_SIDE_GAP + widestLine(right) > widthColumns) return single;
  return sideBySide(left, right, SIDE_BY_SIDE_GAP);
}

function tableOf(
  groups: readonly MetricGroup[],
  metrics: Readonly<Record<string, number>>,
  widthColumns: number,
  palette: Palette,
  format: (name: string, value: number) => string,
): string[] {
  const rows: Row[] = [];
  for (const group of groups) {
    rows.push([{ colSpan: 2, content: palette.bold(group.title) }]);
    for (const name of group.names) rows.push([`  ${name}`, format(name, metrics[name])]);
  }
  return renderTable({
    head: [palette.bold('metric'), palette.bold('value')],
    rows,
    flexibleColumn: 0,
    alignRight: [1],
    widthColumns,
  });
}

/** Two runs of whole groups with row counts as even as possible; null for a single group. */
function splitGroups(groups: readonly MetricGroup[]): [MetricGroup[], MetricGroup[]] | null {
  if (groups.length < 2) return null;
  const size = (group: MetricGroup) => group.names.length + 1;
  const total = groups.reduce((sum, group) => sum + size(group), 0);
  let best = 1;
  let bestImbalance = Infinity;
  let leftSize = 0;
  for (let cut = 1; cut < groups.length; cut++) {
    leftSize += size(groups[cut - 1]);
    const imbalance = Math.abs(total - 2 * leftSize);
    if (imbalance < bestImbalance) {
      best = cut;
      bestImbalance = imbalance;
    }
  }
  return [groups.slice(0, best), groups.slice(best)];
}
