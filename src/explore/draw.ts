// Draws for generating fault schedules, over one named random stream (src/kernel/random-stream.ts):
// whole numbers, durations (log-uniform, so that 100ms..10s gives as many short faults as long
// ones), picks and subsets. Durations are rounded to whole milliseconds so that a generated
// schedule reads like a hand-written one. No other source of randomness.

import type { RandomStream } from '../model/api.js';

const US_PER_MS = 1000;

export interface RangeUs {
  readonly minUs: number;
  readonly maxUs: number;
}

export class Draw {
  constructor(private readonly stream: RandomStream) {}

  /** A whole number in [min, max]. */
  intBetween(min: number, max: number): number {
    return min + this.stream.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.stream.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return this.stream.pick(items);
  }

  /** A number in [min, max] rounded to `decimals`. */
  uniform(min: number, max: number, decimals: number): number {
    const factor = 10 ** decimals;
    return Math.round((min + this.stream.next() * (max - min)) * factor) / factor;
  }

  /** A number in [min, max] (both > 0), log-uniform, rounded to a whole number. */
  logUniformInt(min: number, max: number): number {
    return clamp(Math.round(Math.exp(Math.log(min) + this.stream.next() * (Math.log(max) - Math.log(min)))), min, max);
  }

  /** A duration in [minUs, maxUs], log-uniform when the range allows, rounded to whole ms where it spans them. */
  durationUs(range: RangeUs): number {
    const { minUs, maxUs } = range;
    if (maxUs <= minUs) return minUs;
    const us = minUs > 0 ? Math.exp(Math.log(minUs) + this.stream.next() * (Math.log(maxUs) - Math.log(minUs))) : minUs + this.stream.next() * (maxUs - minUs);
    return clamp(roundToMs(us, range), minUs, maxUs);
  }

  /** A time uniformly in [minUs, maxUs), rounded down to whole ms where the range spans them. */
  timeUs(range: RangeUs): number {
    const us = range.minUs + this.stream.next() * (range.maxUs - range.minUs);
    return clamp(range.maxUs - range.minUs >= US_PER_MS ? Math.floor(us / US_PER_MS) * US_PER_MS : Math.floor(us), range.minUs, range.maxUs);
  }

  /** A random order of `items` (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const shuffled = [...items];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = this.stream.int(i + 1);
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    return shuffled;
  }

  /** Each item kept with probability 1/2; never empty (one item is picked when the coin flips left none). */
  nonEmptySubset<T>(items: readonly T[]): T[] {
    const kept = items.filter(() => this.chance(0.5));
    return kept.length > 0 ? kept : [this.pick(items)];
  }
}

function roundToMs(us: number, range: RangeUs): number {
  return range.maxUs - range.minUs >= US_PER_MS ? Math.round(us / US_PER_MS) * US_PER_MS : Math.round(us);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
