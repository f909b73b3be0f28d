// What the run's clocks did, exactly: the largest |offset| of any node (clock.offset.max), the
// largest difference between two live nodes' clocks (clock.skew.max), and the largest |offset|
// per timeline bucket. Offsets are linear between a node's clock changes, so extremes lie at the
// ends of those segments: each node's current segment is closed when its clock changes (and at
// the end), and the spread of live nodes is measured at every change and every change of who is
// live. Costs O(nodes) per clock change; nothing at all while every clock is perfect (the clock
// table creates this only once some clock is not).

import type { NodeClock } from './node-clock.js';

export interface ClockSummary {
  readonly offsetMaxUs: number;
  readonly skewMaxUs: number;
  /** Largest |offset| of any node during each timeline bucket. */
  readonly offsetMaxUsPerBucket: readonly number[];
}

export interface BucketGrid {
  readonly bucketUs: number;
  readonly bucketCount: number;
}

export class ClockStats {
  private offsetMaxUs = 0;
  private skewMaxUs = 0;
  private readonly segmentStartUs: Float64Array;
  private readonly bucketMaxUs: Float64Array;

  constructor(
    private readonly clocks: readonly NodeClock[],
    private readonly grid: BucketGrid,
    private readonly isLive: (node: number) => boolean,
    startUs: number,
  ) {
    this.segmentStartUs = new Float64Array(clocks.length).fill(startUs);
    this.bucketMaxUs = new Float64Array(grid.bucketCount);
    this.measureSpread(startUs);
  }

  /** Node `node`'s clock is about to change at `nowUs`: its segment so far ends here. */
  beforeChange(node: number, nowUs: number): void {
    this.closeSegment(node, nowUs);
    this.measureSpread(nowUs);
  }

  /** Node `node`'s clock has changed at `nowUs`: a new segment starts. */
  afterChange(node: number, nowUs: number): void {
    this.segmentStartUs[node] = nowUs;
    this.noteOffset(Math.abs(this.clocks[node]!.offsetAt(nowUs)), nowUs);
    this.measureSpread(nowUs);
  }

  /** Call before and after a node goes down or comes back (the live set changes). */
  onLiveSetChange(nowUs: number): void {
    this.measureSpread(nowUs);
  }

  finish(nowUs: number): ClockSummary {
    for (let node = 0; node < this.clocks.length; node++) this.closeSegment(node, nowUs);
    this.measureSpread(nowUs);
    return { offsetMaxUs: this.offsetMaxUs, skewMaxUs: this.skewMaxUs, offsetMaxUsPerBucket: Array.from(this.bucketMaxUs) };
  }

  /** Linear over [start, end]: per bucket, the extreme is at the segment's or the bucket's ends. */
  private closeSegment(node: number, endUs: number): void {
    const clock = this.clocks[node]!;
    const startUs = this.segmentStartUs[node]!;
    const { bucketUs, bucketCount } = this.grid;
    const last = this.bucketOf(endUs);
    for (let b = this.bucketOf(startUs); b <= last; b++) {
      const fromUs = Math.max(startUs, b * bucketUs);
      const toUs = b === bucketCount - 1 ? endUs : Math.min(endUs, (b + 1) * bucketUs);
      const extremeUs = Math.max(Math.abs(clock.offsetAt(fromUs)), Math.abs(clock.offsetAt(toUs)));
      if (extremeUs > this.bucketMaxUs[b]!) this.bucketMaxUs[b] = extremeUs;
      if (extremeUs > this.offsetMaxUs) this.offsetMaxUs = extremeUs;
    }
    this.segmentStartUs[node] = endUs;
  }

  private noteOffset(absOffsetUs: number, atUs: number): void {
    const b = this.bucketOf(atUs);
    if (absOffsetUs > this.bucketMaxUs[b]!) this.bucketMaxUs[b] = absOffsetUs;
    if (absOffsetUs > this.offsetMaxUs) this.offsetMaxUs = absOffsetUs;
  }

  private measureSpread(nowUs: number): void {
    let highUs = -Infinity;
    let lowUs = Infinity;
    for (let node = 0; node < this.clocks.length; node++) {
      if (!this.isLive(node)) continue;
      const offsetUs = this.clocks[node]!.offsetAt(nowUs);
      if (offsetUs > highUs) highUs = offsetUs;
      if (offsetUs < lowUs) lowUs = offsetUs;
    }
    if (highUs - lowUs > this.skewMaxUs) this.skewMaxUs = highUs - lowUs;
  }

  private bucketOf(timeUs: number): number {
    return Math.min(this.grid.bucketCount - 1, Math.floor(timeUs / this.grid.bucketUs));
  }
}
