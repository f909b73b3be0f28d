// The sweep summary as CSV (RFC 4180): one row per parameter combination, one column per varied
// path, then run counts, the pass rate of each expectation and median / p5 / p95 of each metric.
// Raw numbers (times in ms, ratios in [0, 1]) for spreadsheets; empty cells where not computable.
// With `--pool`, the pooled histograms' CDF points instead (sweep-pooled-csv.ts).

import type { SweepSummary } from '../sweep/summarize.js';
import { csvField } from './csv-field.js';
import { renderPooledCdfCsv } from './sweep-pooled-csv.js';

export function renderSweepCsv(summary: SweepSummary): string {
  if (summary.pool !== undefined && summary.pool.length > 0) return renderPooledCdfCsv(summary);
  const expressions = summary.combinations[0]?.expectations.map((expectation) => expectation.expr) ?? [];
  const head = [
    ...summary.varyPaths,
    'runs',
    'expected_runs',
    'ok_runs',
    'error_runs',
    'pass_rate',
    'best',
    ...expressions.map((expr) => `pass_rate: ${expr}`),
    ...summary.metrics.flatMap((name) => [`${name} median`, `${name} p5`, `${name} p95`]),
  ];
  const rows = summary.combinations.map((combination) => [
    ...combination.params.map((param) => param.value),
    combination.runs,
    combination.expectedRuns,
    combination.okRuns,
    combination.errorRuns,
    combination.passRate,
    combination.index === summary.bestIndex ? 'true' : 'false',
    ...combination.expectations.map((expectation) => expectation.rate),
    ...combination.metrics.flatMap((spread) => [spread.median, spread.p5, spread.p95]),
  ]);
  return [head, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
