// A streaming histogram with bounded memory: log-spaced buckets with a relative width of 0.5%,
// so quantiles are exact to within 0.25% however many samples are recorded. Count, sum, min
// and max are exact. Values are non-negative (milliseconds, typically).

const GROWTH = 1.005;
const LOG_GROWTH = Math.log(GROWTH);
/** Values below this land in bucket 0 and are reported as 0. */
const SMALLEST = 1e-3;

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

  private grow(bucket: number): void {
    let capacity = this.counts.length;
    while (capacity <= bucket) capacity *= 2;
    const counts = new Float64Array(capacity);
    counts.set(this.counts);
    this.counts = counts;
  }
}
