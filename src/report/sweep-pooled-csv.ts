// `ddsim sweep --pool ... --format csv`: the pooled CDF points, one row per point — the varied
// values, the histogram's name, how many runs and samples were pooled, the value (raw, times in
// ms) and the fraction of samples at or below it — ready to plot a figure like the Raft paper's
// Figure 16 (one line per combination).

import type { SweepSummary } from '../sweep/summarize.js';
import { csvField } from './csv-field.js';

export function renderPooledCdfCsv(summary: SweepSummary): string {
  const head = [...summary.varyPaths, 'metric', 'runs', 'samples', 'value', 'cdf'];
  const rows: (string | number)[][] = [];
  for (const combination of summary.combinations) {
    for (const pooled of combination.pooled ?? []) {
      for (const [value, fraction] of pooled.cdf) {
        rows.push([...combination.params.map((param) => param.value), pooled.name, pooled.runs, pooled.count, value, fraction]);
      }
    }
  }
  return [head, ...rows].map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}
