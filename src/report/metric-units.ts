// Formatting a metric's value in its unit. Units are declared (core metrics, SystemModel.metricNames)
// and carried in RunResult.metricUnits; metricUnit(name) is the guess for a metric nobody declared
// (src/metrics/metric-unit-guess.ts).

import { formatGrouped } from './number-format.js';
import type { MetricUnit } from '../model/api.js';
import { guessMetricUnit } from '../metrics/metric-unit-guess.js';

export type { MetricUnit };

export const metricUnit = guessMetricUnit;

/**
 * "12.34 ms", "99.52 %", "12,345"; "n/a" for a value that could not be computed (NaN). In the
 * unit declared for it (`units`, a run's metricUnits), else the one guessed from its name.
 */
export function formatMetricValue(name: string, value: number, units: Readonly<Record<string, MetricUnit>> = {}): string {
  return formatValueInUnit(units[name] ?? metricUnit(name), value);
}

export function formatValueInUnit(unit: MetricUnit, value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${formatGrouped(value, 2)} ms`;
    case 'ratio':
      return `${formatPercent(value)} %`;
    case 'count':
      return formatGrouped(value, Number.isInteger(value) ? 0 : 2);
  }
}

/**
 * A ratio as a percentage with 2 decimals, or 3 when 2 would round a value that is not exactly
 * 0 or 1 to "0.00" or "100.00" (99.999 % availability must not read as 100 %).
 */
function formatPercent(ratio: number): string {
  const percent = ratio * 100;
  const twoDecimals = percent.toFixed(2);
  const misleading = (twoDecimals === '100.00' && ratio !== 1) || (twoDecimals === '0.00' && ratio !== 0);
  return misleading ? percent.toFixed(3) : twoDecimals;
}
