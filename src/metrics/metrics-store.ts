// Metrics of one run: counters, set values and streaming histograms, with a flat snapshot whose
// names are those used in `expect:` and the JSON output. A histogram `latency` appears as
// `latency.mean|p50|p90|p99|p999|max`. Selected counters are also counted per timeline bucket.

import { HISTOGRAM_STATISTICS } from './metric-declarations.js';
import type { MetricsRecorder } from '../model/api.js';
import { describeBadValue, ModelApiMisuse } from '../model/api-misuse.js';
import { StreamingHistogram } from './streaming-histogram.js';

function checkName(call: string, name: unknown): void {
  if (typeof name !== 'string' || name === '') throw new ModelApiMisuse(call, `the metric name must be a non-empty string, not ${describeBadValue(name)}`);
}

export interface BucketCounter {
  add(name: string, delta: number): void;
}

export class MetricsStore implements MetricsRecorder {
  private readonly values = new Map<string, number>();
  private readonly histograms = new Map<string, StreamingHistogram>();

  constructor(private readonly bucketCounter: BucketCounter | null = null) {}

  count(name: string, delta = 1): void {
    checkName('metrics.count', name);
    if (typeof delta !== 'number' || !Number.isFinite(delta)) throw new ModelApiMisuse(`metrics.count('${name}')`, `the delta must be a finite number, not ${describeBadValue(delta)}`);
    this.values.set(name, (this.values.get(name) ?? 0) + delta);
    this.bucketCounter?.add(name, delta);
  }

  observe(name: string, value: number): void {
    checkName('metrics.observe', name);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new ModelApiMisuse(`metrics.observe('${name}')`, `the sample must be a finite number, not ${describeBadValue(value)}`);
    let histogram = this.histograms.get(name);
    if (!histogram) {
      histogram = new StreamingHistogram();
      this.histograms.set(name, histogram);
    }
    histogram.record(value);
  }

  /** NaN and infinities are allowed: a value that could not be computed (null in the JSON). */
  set(name: string, value: number): void {
    checkName('metrics.set', name);
    if (typeof value !== 'number') throw new ModelApiMisuse(`metrics.set('${name}')`, `the value must be a number, not ${describeBadValue(value)}`);
    this.values.set(name, value);
  }

  get(name: string): number {
    return this.values.get(name) ?? 0;
  }

  histogram(name: string): StreamingHistogram | undefined {
    return this.histograms.get(name);
  }

  /** Flat, sorted by name. Histograms without samples contribute nothing. */
  /**
   * Every recorded value, plus the declared names never recorded: 0 for counts and times (nothing
   * happened), NaN — "n/a", null in JSON — for ratios (0 of 0 is no availability at all).
   */
  snapshot(declaredNames: readonly string[] = [], ratioNames: ReadonlySet<string> = new Set()): Record<string, number> {
    const flat = new Map<string, number>();
    for (const name of declaredNames) flat.set(name, ratioNames.has(name) ? Number.NaN : 0);
    for (const [name, value] of this.values) flat.set(name, value);
    for (const [name, histogram] of this.histograms) {
      if (histogram.count === 0) continue;
      for (const statistic of HISTOGRAM_STATISTICS) flat.set(`${name}.${statistic}`, histogramStatistic(histogram, statistic));
    }
    // Histogram-derived names that were declared but have no samples are absent, not 0.
    for (const name of declaredNames) {
      if (HISTOGRAM_SUFFIX.test(name) && !this.histograms.get(name.replace(HISTOGRAM_SUFFIX, ''))?.count) {
        if (!this.values.has(name)) flat.delete(name);
      }
    }
    const sorted: Record<string, number> = {};
    for (const name of [...flat.keys()].sort()) sorted[name] = roundForReport(flat.get(name)!);
    return sorted;
  }
}

const HISTOGRAM_SUFFIX = new RegExp(`\\.(${HISTOGRAM_STATISTICS.join('|')})$`);

const QUANTILES = { p50: 0.5, p90: 0.9, p99: 0.99, p999: 0.999 } as const;

function histogramStatistic(histogram: StreamingHistogram, statistic: (typeof HISTOGRAM_STATISTICS)[number]): number {
  if (statistic === 'mean') return histogram.mean;
  if (statistic === 'max') return histogram.max;
  return histogram.quantile(QUANTILES[statistic]);
}

/** Rounds to 6 significant decimals so that reports do not show floating-point noise. */
function roundForReport(value: number): number {
  if (!Number.isFinite(value) || Number.isInteger(value)) return value;
  return Number(value.toPrecision(12));
}
