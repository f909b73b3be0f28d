// `ddsim sweep --pool <histogram>`: the samples of a histogram merged across every run (seed) of
// a parameter combination, so that many short runs make one distribution — a figure of thousands
// of trials from one command. Each run carries its samples as a mergeable sketch (see
// streaming-histogram.ts); merging is exact up to the histogram's bucket width (0.5%). Pure.

import { StreamingHistogram, type HistogramSketch } from '../metrics/streaming-histogram.js';
import type { RunRecord } from './sweep-record.js';

/** Fractions of the pooled CDF the summary reports as quantiles. */
export const POOLED_QUANTILES = [
  ['p50', 0.5],
  ['p90', 0.9],
  ['p99', 0.99],
  ['p999', 0.999],
] as const;

export interface PooledHistogram {
  readonly name: string;
  /** Runs that carried this histogram (with or without samples). */
  readonly runs: number;
  readonly count: number;
  readonly mean: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p99: number | null;
  readonly p999: number | null;
  readonly max: number | null;
  /** The empirical CDF: [value, fraction of samples at or below it], one point per non-empty bucket. */
  readonly cdf: readonly (readonly [number, number])[];
}

export function poolHistograms(records: readonly RunRecord[], names: readonly string[]): PooledHistogram[] {
  return names.map((name) => {
    const carrying = records.filter((record) => record.pooled !== undefined && name in record.pooled);
    const sketches = carrying.map((record) => record.pooled![name]).filter((sketch): sketch is HistogramSketch => sketch !== null);
    const histogram = StreamingHistogram.fromSketches(sketches);
    const empty = histogram.count === 0;
    const quantile = (q: number): number | null => (empty ? null : histogram.quantile(q));
    return {
      name,
      runs: carrying.length,
      count: histogram.count,
      mean: empty ? null : histogram.mean,
      p50: quantile(0.5),
      p90: quantile(0.9),
      p99: quantile(0.99),
      p999: quantile(0.999),
      max: empty ? null : histogram.max,
      cdf: histogram.cdf().map((point) => [point.value, point.fraction] as const),
    };
  });
}
