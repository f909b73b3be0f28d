// A streaming histogram with bounded memory: log-spaced buckets with a relative width of 0.5%,
// so quantiles are exact to within 0.25% however many samples are recorded. Count, sum, min
// and max are exact. Values are non-negative (milliseconds, typically). Histograms merge
// exactly: a sketch (the non-empty buckets as plain data) carries one from a run to another
// process, and merging sketches gives the histogram of all their samples together.

const GROWTH = 1.005;
const LOG_GROWTH = Math.log(GROWTH);
/** Values below this land in bucket 0 and are reported as 0. */
const SMALLEST = 1e-3;

/** A histogram as plain data (structured-clone and JSON safe): counts of the non-empty buckets. */
export interface HistogramSketch {
  readonly count: number;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
  /** [bucket index, samples], bucket indexes ascending. */
  readonly buckets: readonly (readonly [number, number])[];
}

/** One point of the empirical CDF: the fraction of samples at or below `value`. */
export interface CdfPoint {
  readonly value: number;
  readonly fraction: number;
}

export class StreamingHistogram {
  private counts = new Float64Array(256);
  private sampleCount = 0;
  private sum = 0;
  private minimum = Infinity;
  private maximum = -Infinity;

  record(value: number): void {
    const v = value > 0 ? value : 0;
    const bucket = v < SMALLEST ? 0 : 1 + Math.floor(Math.log(v / SMALLEST) / LOG_GROWTH);
    if (bucket >= this.counts.length) this.grow(bucket);
    this.counts[bucket]!++;
    this.sampleCount++;
    this.sum += v;
    if (v < this.minimum) this.minimum = v;
    if (v > this.maximum) this.maximum = v;
  }

  get count(): number {
    return this.sampleCount;
  }

  get mean(): number {
    return this.sampleCount === 0 ? NaN : this.sum / this.sampleCount;
  }

  get max(): number {
    return this.sampleCount === 0 ? NaN : this.maximum;
  }

  get min(): number {
    return this.sampleCount === 0 ? NaN : this.minimum;
  }

  /** The q-quantile (0 < q <= 1): the geometric middle of the bucket holding it, clamped to [min, max]. */
  quantile(q: number): number {
    if (this.sampleCount === 0) return NaN;
    const rank = Math.max(1, Math.ceil(q * this.sampleCount));
    let seen = 0;
    for (let bucket = 0; bucket < this.counts.length; bucket++) {
      seen += this.counts[bucket]!;
      if (seen >= rank) {
        const middle = bucket === 0 ? 0 : SMALLEST * Math.pow(GROWTH, bucket - 0.5);
        return Math.min(this.maximum, Math.max(this.minimum, middle));
      }
    }
    return this.maximum;
  }

  toSketch(): HistogramSketch {
    const buckets: [number, number][] = [];
    this.counts.forEach((count, bucket) => {
      if (count > 0) buckets.push([bucket, count]);
    });
    return { count: this.sampleCount, sum: this.sum, min: this.minimum, max: this.maximum, buckets };
  }

  /** Adds every sample of `sketch` (as if they had been recorded here). */
  merge(sketch: HistogramSketch): void {
    if (sketch.count === 0) return;
    for (const [bucket, count] of sketch.buckets) {
      if (!(Number.isInteger(bucket) && bucket >= 0 && count > 0)) throw new Error(`StreamingHistogram.merge: bad bucket [${bucket}, ${count}]`);
      if (bucket >= this.counts.length) this.grow(bucket);
      this.counts[bucket]! += count;
    }
    this.sampleCount += sketch.count;
    this.sum += sketch.sum;
    this.minimum = Math.min(this.minimum, sketch.min);
    this.maximum = Math.max(this.maximum, sketch.max);
  }

  static fromSketches(sketches: readonly HistogramSketch[]): StreamingHistogram {
    const histogram = new StreamingHistogram();
    for (const sketch of sketches) histogram.merge(sketch);
    return histogram;
  }

  /**
   * The empirical CDF, one point per non-empty bucket: the bucket's upper edge (clamped to the
   * maximum) and the fraction of samples in it and below. The last point is (max, 1).
   */
  cdf(): CdfPoint[] {
    const points: CdfPoint[] = [];
    let seen = 0;
    this.counts.forEach((count, bucket) => {
      if (count === 0) return;
      seen += count;
      const upper = bucket === 0 ? SMALLEST : SMALLEST * Math.pow(GROWTH, bucket);
      points.push({ value: Math.min(this.maximum, upper), fraction: seen / this.sampleCount });
    });
    return points;
  }

  private grow(bucket: number): void {
    let capacity = this.counts.length;
    while (capacity <= bucket) capacity *= 2;
    const counts = new Float64Array(capacity);
    counts.set(this.counts);
    this.counts = counts;
  }
}
