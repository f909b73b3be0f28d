// Cell texts shared by the sweep's table and grid: pass rates ("100 %", "85 % 17/20") and metric
// spreads ("99.52 % [99.10 – 99.80]"), formatted in the metric's unit (see metric-units.ts).

import type { MetricSpread } from '../sweep/summarize.js';
import { formatMetricValue } from './metric-units.js';

export function passRateText(passed: number, runs: number): string {
  if (runs === 0) return '–';
  const percent = Math.floor((passed / runs) * 1000) / 10;
  return passed === runs ? '100 %' : `${percent} % ${passed}/${runs}`;
}

/** The value alone, without the unit's suffix when `bare` (for the range). */
function metricText(name: string, value: number | null, bare = false): string {
  if (value === null) return 'n/a';
  const text = formatMetricValue(name, value);
  return bare ? text.replace(/ (ms|%)$/, '') : text;
}

export function medianText(spread: MetricSpread): string {
  return metricText(spread.name, spread.median);
}

export function spreadText(spread: MetricSpread): string {
  if (spread.count === 0) return 'n/a';
  if (spread.count === 1) return medianText(spread);
  return `${medianText(spread)} [${metricText(spread.name, spread.p5, true)}–${metricText(spread.name, spread.p95, true)}]`;
}
