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

/** Counts some counters per timeline bucket: which series a name belongs to is asked once per name. */
export interface BucketCounter {
  /** The series `name` is counted in, or NO_SERIES. */
  seriesOf(name: string): number;
  addToSeries(series: number, delta: number): void;
}

export const NO_SERIES = -1;

/** One named value, and the bucket series its counts also go to (looked up once, on creation). */
interface ValueCell {
  value: number;
  readonly series: number;
}

export class MetricsStore implements MetricsRecorder {
  /** By name; a model's counters are counted on its hot path, so one lookup per count. */
  private readonly values = new Map<string, ValueCell>();
  private readonly histograms = new Map<string, StreamingHistogram>();

  constructor(private readonly bucketCounter: BucketCounter | null = null) {}

  count(name: string, delta = 1): void {
    let cell = this.values.get(name);
    if (cell === undefined) {
      checkName('metrics.count', name);
      cell = this.cellFor(name);
    }
    if (typeof delta !== 'number' || !Number.isFinite(delta)) throw new ModelApiMisuse(`metrics.count('${name}')`, `the delta must be a finite number, not ${describeBadValue(delta)}`);
    cell.value += delta;
    if (cell.series !== NO_SERIES) this.bucketCounter!.addToSeries(cell.series, delta);
  }

  private cellFor(name: string): ValueCell {
    const cell: ValueCell = { value: 0, series: this.bucketCounter === null ? NO_SERIES : this.bucketCounter.seriesOf(name) };
    this.values.set(name, cell);
    return cell;
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
    (this.values.get(name) ?? this.cellFor(name)).value = value;
  }

  get(name: string): number {
    return this.values.get(name)?.value ?? 0;
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
    for (const [name, cell] of this.values) flat.set(name, cell.value);
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
