// The unit of a metric, derived from its name alone so that metrics added by any system model
// render correctly: times in milliseconds, ratios as percentages, everything else as a count.
// The rule (kept in one place; the JSON schema document describes it too):
//   ratio: `availability`, or a last name segment ending in `fraction`, `accuracy` or `ratio`;
//   ms:    a last segment `ms` or ending in `-ms`; otherwise any segment containing the word
//          `latency`, `time`, `duration` or `delay` (words are separated by `-`), which covers
//          statistics under such a prefix (`detector.detection-time.p99`), unless the last
//          segment is `count` (the number of samples);
//   count: everything else.

import { formatGrouped } from './number-format.js';

export type MetricUnit = 'ms' | 'ratio' | 'count';

const RATIO_ENDINGS = ['fraction', 'accuracy', 'ratio'];
const TIME_WORDS = new Set(['latency', 'time', 'duration', 'delay']);

export function metricUnit(name: string): MetricUnit {
  const segments = name.split('.');
  const last = segments[segments.length - 1];
  if (name === 'availability' || RATIO_ENDINGS.some((ending) => last.endsWith(ending))) return 'ratio';
  if (last === 'ms' || last.endsWith('-ms')) return 'ms';
  if (last === 'count') return 'count';
  const words = segments.flatMap((segment) => segment.split('-'));
  return words.some((word) => TIME_WORDS.has(word)) ? 'ms' : 'count';
}

/** "12.34 ms", "99.52 %", "12,345"; "n/a" for a value that could not be computed (NaN). */
export function formatMetricValue(name: string, value: number): string {
  return formatValueInUnit(metricUnit(name), value);
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
