// StreamingHistogram sketches (what `ddsim sweep --pool` carries from each run): a sketch
// survives JSON, merging sketches equals recording every sample into one histogram (exact counts,
// sum, min, max; quantiles within the 0.5% bucket width of the exact ones), and the CDF rises
// monotonically to (max, 1).

import { describe, expect, it } from 'vitest';
import { StreamingHistogram } from '../../src/metrics/streaming-histogram.js';
import { Sfc32Stream } from '../../src/kernel/random-stream.js';

/** Lognormal-ish samples (ms), deterministic. */
function samples(seed: number, count: number): number[] {
  const stream = new Sfc32Stream([seed, 0, 0, 0], "samples");
  return Array.from({ length: count }, () => Math.exp(2 + 2 * stream.next()) * (stream.next() < 0.05 ? 20 : 1));
}

function exactQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('StreamingHistogram sketches', () => {
  it('round-trip through JSON, and merge to exactly the histogram of all samples', () => {
    const parts = [samples(1, 500), samples(2, 1), samples(3, 2000), []];
    const sketches = parts.map((part) => {
      const histogram = new StreamingHistogram();
      for (const value of part) histogram.record(value);
      return JSON.parse(JSON.stringify(histogram.toSketch()));
    });
    const merged = StreamingHistogram.fromSketches(sketches);
    const all = new StreamingHistogram();
    for (const value of parts.flat()) all.record(value);
    const { sum: mergedSum, ...mergedRest } = merged.toSketch();
    const { sum: allSum, ...allRest } = all.toSketch();
    expect(mergedRest).toEqual(allRest); // every bucket's count, the count, min and max exactly
    expect(mergedSum).toBeCloseTo(allSum, 6); // the same sum, added in another order
    expect(merged.count).toBe(2501);
    expect(merged.min).toBe(Math.min(...parts.flat()));
    expect(merged.max).toBe(Math.max(...parts.flat()));
    expect(merged.mean).toBeCloseTo(parts.flat().reduce((a, b) => a + b, 0) / 2501, 9);
    const sorted = parts.flat().sort((a, b) => a - b);
    for (const q of [0.01, 0.5, 0.9, 0.99, 0.999, 1]) {
      expect(merged.quantile(q)).toBe(all.quantile(q));
      expect(Math.abs(merged.quantile(q) / exactQuantile(sorted, q) - 1)).toBeLessThanOrEqual(0.0025 + 1e-12);
    }
  });

  it('a sketch of an empty histogram merges as nothing; a bad bucket is refused', () => {
    const histogram = new StreamingHistogram();
    histogram.record(5);
    histogram.merge(new StreamingHistogram().toSketch());
    expect(histogram.count).toBe(1);
    expect(() => histogram.merge({ count: 1, sum: 1, min: 1, max: 1, buckets: [[-1, 1]] })).toThrow(/bad bucket/);
  });

  it('the CDF is monotone in value and fraction and ends at (max, 1)', () => {
    const histogram = new StreamingHistogram();
    const values = samples(7, 3000);
    for (const value of values) histogram.record(value);
    histogram.record(0);
    const cdf = histogram.cdf();
    expect(cdf.length).toBeGreaterThan(100);
    for (let i = 1; i < cdf.length; i++) {
      expect(cdf[i]!.value).toBeGreaterThan(cdf[i - 1]!.value);
      expect(cdf[i]!.fraction).toBeGreaterThan(cdf[i - 1]!.fraction);
    }
    expect(cdf.at(-1)).toEqual({ value: histogram.max, fraction: 1 });
    // Each point's fraction is the share of samples at or below the bucket's upper edge.
    const sorted = [0, ...values].sort((a, b) => a - b);
    const middle = cdf[Math.floor(cdf.length / 2)]!;
    const atOrBelow = sorted.filter((value) => value <= middle.value).length / sorted.length;
    expect(Math.abs(atOrBelow - middle.fraction)).toBeLessThan(2 / sorted.length);
  });
});
