// The phi accrual failure detector (Hayashibara et al.) as Akka implements it
// (akka.remote.PhiAccrualFailureDetector): a bounded history of heartbeat inter-arrival times,
// bootstrapped with two samples around the expected interval; phi from a logistic approximation
// of the normal CDF, with the acceptable pause added to the mean and a floor on the standard
// deviation. Pure: no simulator, no clock of its own; times are passed in, in milliseconds.

import { assert } from '../../assert.js';

export interface PhiAccrualSettings {
  /** Suspect when phi reaches this (Akka: 8). */
  readonly threshold: number;
  /** Inter-arrival samples kept (Akka: 1000). */
  readonly maxSampleSize: number;
  /** Floor on the standard deviation, in ms (Akka: 100). */
  readonly minStdDeviationMs: number;
  /** Added to the mean inter-arrival time: pauses this long are tolerated (Akka: 3000). */
  readonly acceptableHeartbeatPauseMs: number;
  /** Expected interval before any sample: the bootstrap history (Akka: the heartbeat interval). */
  readonly firstHeartbeatEstimateMs: number;
}

/** Akka's defaults (akka.cluster.failure-detector). */
export const AKKA_PHI_DEFAULTS: PhiAccrualSettings = {
  threshold: 8,
  maxSampleSize: 1000,
  minStdDeviationMs: 100,
  acceptableHeartbeatPauseMs: 3000,
  firstHeartbeatEstimateMs: 1000,
};

/**
 * phi = -log10(1 - F(timeDiff)) for a normal distribution with the given mean and standard
 * deviation, F approximated by the logistic function 1 / (1 + e^(-y (1.5976 + 0.070566 y^2)))
 * (Bowling et al. 2009), written in the two forms Akka uses to stay accurate on both sides.
 */
export function phi(timeDiffMs: number, meanMs: number, stdDeviationMs: number): number {
  const y = (timeDiffMs - meanMs) / stdDeviationMs;
  const e = Math.exp(-y * (1.5976 + 0.070566 * y * y));
  if (timeDiffMs > meanMs) return -Math.log10(e / (1 + e));
  return -Math.log10(1 - 1 / (1 + e));
}

/**
 * The smallest y at which the logistic approximation gives phi >= threshold (phi grows with y):
 * solves y (1.5976 + 0.070566 y^2) = threshold ln 10 - ln(1 - 10^-threshold), a cubic with a
 * single real root, by bisection (60 halvings: far below a microsecond for any sane setting).
 */
export function phiThresholdDeviations(threshold: number): number {
  assert(threshold > 0 && Number.isFinite(threshold), 'phi threshold must be positive');
  // phi(y) = -log10(e/(1+e)) with e = exp(-g(y)), g(y) = y (1.5976 + 0.070566 y^2), so
  // phi >= t  <=>  e/(1+e) <= 10^-t  <=>  g(y) >= ln((1 - 10^-t) / 10^-t).
  const p = 10 ** -threshold;
  const target = Math.log((1 - p) / p);
  const g = (y: number) => y * (1.5976 + 0.070566 * y * y);
  let low = -100;
  let high = 100;
  for (let i = 0; i < 60; i++) {
    const middle = (low + high) / 2;
    if (g(middle) >= target) high = middle;
    else low = middle;
  }
  return high;
}

/** Bounded history of inter-arrival times with running sums (Akka's HeartbeatHistory). */
export class HeartbeatHistory {
  private readonly intervalsMs: number[] = [];
  private head = 0;
  private sumMs = 0;
  private squaredSumMs2 = 0;

  constructor(readonly maxSampleSize: number) {
    assert(Number.isInteger(maxSampleSize) && maxSampleSize >= 1, 'max sample size must be a positive integer');
  }

  get size(): number {
    return this.intervalsMs.length - this.head;
  }

  add(intervalMs: number): void {
    if (this.size >= this.maxSampleSize) {
      const oldest = this.intervalsMs[this.head++]!;
      this.sumMs -= oldest;
      this.squaredSumMs2 -= oldest * oldest;
      if (this.head > 1024 && this.head * 2 > this.intervalsMs.length) {
        this.intervalsMs.splice(0, this.head);
        this.head = 0;
      }
    }
    this.intervalsMs.push(intervalMs);
    this.sumMs += intervalMs;
    this.squaredSumMs2 += intervalMs * intervalMs;
  }

  get meanMs(): number {
    return this.sumMs / this.size;
  }

  /** Population variance, as Akka computes it (sum of squares / n - mean^2). */
  get stdDeviationMs(): number {
    const mean = this.meanMs;
    return Math.sqrt(Math.max(0, this.squaredSumMs2 / this.size - mean * mean));
  }
}

/** One monitored target's detector state: when it was last heard from, and its history. */
export class PhiAccrualDetector {
  private lastHeartbeatMs: number | null = null;
  private history: HeartbeatHistory;
  private readonly deviationsAtThreshold: number;

  constructor(private readonly settings: PhiAccrualSettings) {
    assert(settings.minStdDeviationMs > 0, 'min std deviation must be positive');
    this.history = this.bootstrapHistory();
    this.deviationsAtThreshold = phiThresholdDeviations(settings.threshold);
  }

  /** Akka's first heartbeat: the history starts as {estimate - estimate/4, estimate + estimate/4}. */
  private bootstrapHistory(): HeartbeatHistory {
    const history = new HeartbeatHistory(this.settings.maxSampleSize);
    const meanMs = this.settings.firstHeartbeatEstimateMs;
    const stdDeviationMs = meanMs / 4;
    history.add(meanMs - stdDeviationMs);
    history.add(meanMs + stdDeviationMs);
    return history;
  }

  get isMonitoring(): boolean {
    return this.lastHeartbeatMs !== null;
  }

  get sampleCount(): number {
    return this.history.size;
  }

  /**
   * A heartbeat arrived at `nowMs`. As in Akka, the interval is not added to the history when
   * the target was already suspected (a long pause would skew the statistics).
   */
  heartbeat(nowMs: number): void {
    if (this.lastHeartbeatMs === null) {
      this.history = this.bootstrapHistory();
    } else if (this.isAvailable(nowMs)) {
      this.history.add(nowMs - this.lastHeartbeatMs);
    }
    this.lastHeartbeatMs = nowMs;
  }

  /** phi at `nowMs`; 0 before the first heartbeat (an unmonitored target counts as healthy). */
  phi(nowMs: number): number {
    if (this.lastHeartbeatMs === null) return 0;
    const { meanMs, stdDeviationMs } = this.distribution();
    return phi(nowMs - this.lastHeartbeatMs, meanMs, stdDeviationMs);
  }

  isAvailable(nowMs: number): boolean {
    return this.phi(nowMs) < this.settings.threshold;
  }

  /**
   * Time after the last heartbeat at which phi reaches the threshold, if nothing more arrives
   * (phi only grows with the silence, so a monitor can set one timer instead of polling).
   * Null before the first heartbeat.
   */
  suspicionDelayMs(): number | null {
    if (this.lastHeartbeatMs === null) return null;
    const { meanMs, stdDeviationMs } = this.distribution();
    return Math.max(0, meanMs + this.deviationsAtThreshold * stdDeviationMs);
  }

  private distribution(): { meanMs: number; stdDeviationMs: number } {
    return {
      meanMs: this.history.meanMs + this.settings.acceptableHeartbeatPauseMs,
      stdDeviationMs: Math.max(this.history.stdDeviationMs, this.settings.minStdDeviationMs),
    };
  }
}
