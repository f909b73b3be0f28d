// The phi accrual math against Akka's definitions and the normal distribution it approximates.

import { describe, expect, it } from 'vitest';
import {
  AKKA_PHI_DEFAULTS,
  HeartbeatHistory,
  PhiAccrualDetector,
  phi,
  phiThresholdDeviations,
} from '../../../../src/model/kit/detectors/phi-accrual.js';

/** -log10 of the normal upper tail beyond y, by the midpoint rule (plenty for two decimals). */
function exactPhi(y: number): number {
  const stepSize = 1e-4;
  let area = 0;
  for (let x = y; x < y + 20; x += stepSize) area += Math.exp(-((x + stepSize / 2) ** 2) / 2) * stepSize;
  return -Math.log10(area / Math.sqrt(2 * Math.PI));
}

describe('phi', () => {
  it('is log10(2) at the mean and grows with the silence', () => {
    expect(phi(1000, 1000, 100)).toBeCloseTo(Math.log10(2), 3);
    let previous = 0;
    for (let t = 0; t <= 2000; t += 50) {
      const value = phi(t, 1000, 100);
      expect(value).toBeGreaterThanOrEqual(previous);
      previous = value;
    }
  });

  it('matches the normal tail near the mean, and overstates it far out (suspects sooner)', () => {
    for (const y of [0.5, 1, 2]) expect(Math.abs(phi(1000 + 100 * y, 1000, 100) - exactPhi(y))).toBeLessThan(0.01);
    expect(Math.abs(phi(1300, 1000, 100) - exactPhi(3))).toBeLessThan(0.05);
    // The logistic approximation's tail is lighter than the normal's: at 5 deviations phi is 7.3
    // where the normal gives 6.5, so threshold 8 is reached at 5.22 deviations, not 5.6.
    expect(phi(1500, 1000, 100)).toBeGreaterThan(exactPhi(5) + 0.5);
  });

  it('reaches threshold 8 at about 5.22 standard deviations', () => {
    const y = phiThresholdDeviations(8);
    expect(y).toBeGreaterThan(5.2);
    expect(y).toBeLessThan(5.25);
    expect(phi(y * 100 + 1e-6, 0, 100)).toBeGreaterThanOrEqual(8 - 1e-9);
    expect(phi(y * 100 - 0.01, 0, 100)).toBeLessThan(8);
  });
});

describe('HeartbeatHistory', () => {
  it('keeps the last max-sample-size intervals, with their mean and population deviation', () => {
    const history = new HeartbeatHistory(3);
    for (const interval of [100, 200, 300, 400]) history.add(interval);
    expect(history.size).toBe(3);
    expect(history.meanMs).toBe(300);
    expect(history.stdDeviationMs).toBeCloseTo(Math.sqrt(20000 / 3), 9);
  });
});

describe('PhiAccrualDetector with Akka defaults', () => {
  it('treats a target as healthy until its first heartbeat, then bootstraps {750, 1250}', () => {
    const detector = new PhiAccrualDetector(AKKA_PHI_DEFAULTS);
    expect(detector.phi(1_000_000)).toBe(0);
    expect(detector.suspicionDelayMs()).toBeNull();
    detector.heartbeat(0);
    expect(detector.sampleCount).toBe(2);
    // mean 1000 + pause 3000, deviation 250 (above the 100 floor).
    expect(detector.suspicionDelayMs()).toBeCloseTo(4000 + phiThresholdDeviations(8) * 250, 6);
  });

  it('with steady 1s heartbeats suspects about 4.5s after the last one (Akka: ~5.5s after the one before)', () => {
    const detector = new PhiAccrualDetector(AKKA_PHI_DEFAULTS);
    for (let i = 0; i <= 100; i++) detector.heartbeat(i * 1000);
    const delayMs = detector.suspicionDelayMs()!;
    // The two bootstrap samples among 101 give a deviation of ~35ms: the 100ms floor applies,
    // so the delay is 1000 + 3000 + 5.22 * 100.
    expect(delayMs).toBeGreaterThan(4500);
    expect(delayMs).toBeLessThan(4540);
    expect(detector.isAvailable(100_000 + delayMs - 1)).toBe(true);
    expect(detector.isAvailable(100_000 + delayMs + 1)).toBe(false);
  });

  it('leaves the interval that ended a suspicion out of the history', () => {
    const detector = new PhiAccrualDetector(AKKA_PHI_DEFAULTS);
    for (let i = 0; i <= 10; i++) detector.heartbeat(i * 1000);
    const before = detector.suspicionDelayMs()!;
    detector.heartbeat(10_000 + 60_000); // a minute of silence: suspected when it ends
    expect(detector.sampleCount).toBe(12);
    expect(detector.suspicionDelayMs()).toBe(before);
    detector.heartbeat(71_000); // available again: this interval counts
    expect(detector.sampleCount).toBe(13);
  });

  it('adapts: jittery intervals widen the deviation and delay the suspicion', () => {
    const steady = new PhiAccrualDetector(AKKA_PHI_DEFAULTS);
    const jittery = new PhiAccrualDetector(AKKA_PHI_DEFAULTS);
    let t = 0;
    for (let i = 0; i < 200; i++) {
      steady.heartbeat(i * 1000);
      t += i % 2 === 0 ? 400 : 1600; // mean 1000, deviation 600
      jittery.heartbeat(t);
    }
    expect(jittery.suspicionDelayMs()! - steady.suspicionDelayMs()!).toBeGreaterThan(2000);
  });
});
