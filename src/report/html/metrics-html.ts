// A run's metrics as HTML tables, one per group of the terminal's metrics table (metric-groups.ts),
// each value in its unit (metric-units.ts). Every metric is shown: nothing is dropped.

import { groupMetricNames } from '../metric-groups.js';
import { formatMetricValue, type MetricUnit } from '../metric-units.js';
import { escapeHtml } from './html-escape.js';

export function renderMetricsHtml(metrics: Readonly<Record<string, number>>, units: Readonly<Record<string, MetricUnit>> = {}): string {
  const groups = groupMetricNames(Object.keys(metrics));
  if (groups.length === 0) return '<p class="note">no metrics</p>';
  const tables = groups.map((group) => {
    const rows = group.names.map(
      (name) => `<tr><td><code>${escapeHtml(name)}</code></td><td class="number">${escapeHtml(formatMetricValue(name, metrics[name]!, units))}</td></tr>`,
    );
    return `<table class="metric-group" data-group="${escapeHtml(group.title)}"><thead><tr><th colspan="2">${escapeHtml(group.title)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  });
  return `<div class="metric-groups">${tables.join('')}</div>`;
}
