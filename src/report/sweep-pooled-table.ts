// The `--pool` section of the sweep table: per pooled histogram, one row per parameter
// combination with the runs pooled, the samples, and the mean and quantiles of all of them
// together, in the histogram's unit.

import type { SweepSummary } from '../sweep/summarize.js';
import type { PooledHistogram } from '../sweep/pooled-histograms.js';
import { formatMetricValue } from './metric-units.js';
import type { Palette } from './style.js';
import { renderTable, type Row } from './table-frame.js';

const STATISTICS = [
  ['mean', 'mean'],
  ['p50', 'p50'],
  ['p90', 'p90'],
  ['p99', 'p99'],
  ['p999', 'p99.9'],
  ['max', 'max'],
] as const;

export function renderPooledTables(summary: SweepSummary, palette: Palette, widthColumns: number): string[] {
  const lines: string[] = [];
  for (const name of summary.pool ?? []) {
    lines.push('', `${palette.bold(name)} ${palette.dim('pooled: the samples of every run of a combination together')}`);
    lines.push(...pooledTable(summary, name, widthColumns));
  }
  return lines;
}

function pooledTable(summary: SweepSummary, name: string, widthColumns: number): string[] {
  const paths = summary.varyPaths;
  const head = [...(paths.length === 0 ? ['combination'] : paths), 'runs', 'samples', ...STATISTICS.map(([, title]) => title)];
  const rows: Row[] = summary.combinations.map((combination) => {
    const pooled = combination.pooled?.find((entry) => entry.name === name);
    return [
      ...(paths.length === 0 ? ['(as written)'] : combination.params.map((param) => param.value)),
      String(pooled?.runs ?? 0),
      (pooled?.count ?? 0).toLocaleString('en-US'),
      ...STATISTICS.map(([key]) => cell(name, key, pooled)),
    ];
  });
  const firstNumeric = Math.max(paths.length, 1);
  const alignRight = head.map((_, index) => index).filter((index) => index >= firstNumeric);
  return renderTable({ head, rows, flexibleColumn: 0, alignRight, widthColumns });
}

function cell(name: string, key: (typeof STATISTICS)[number][0], pooled: PooledHistogram | undefined): string {
  const value = pooled?.[key] ?? null;
  return value === null ? 'n/a' : formatMetricValue(`${name}.${key}`, value);
}
