// Failure detectors in the simulator against closed forms, within explicit statistical bounds.

import { describe, expect, it } from 'vitest';
import { heartbeatYaml, runYaml } from './detector-test-helpers.js';

describe('fixed timeout against Chen, Toueg and Aguilera', () => {
  // Monitor a probes b every eta = 100ms; b answers; one-way delay is a constant 1ms and each
  // message is lost with p = 0.1, so a heartbeat (probe and answer) is lost with
  // q = 1 - (1 - p)^2 = 0.19, independently. Timeout delta = 250ms: m = 2 (2 eta < delta < 3 eta).
  // A wrong suspicion starts when a received heartbeat is followed by m lost ones: rate
  // (1-q) q^m / eta. It lasts from delta after the last received heartbeat to the next received
  // one: (m+1) eta - delta + eta * (a geometric number of further losses, mean q/(1-q)).
  const etaS = 0.1;
  const deltaS = 0.25;
  const m = 2;
  const p = 0.1;
  const q = 1 - (1 - p) ** 2;
  const durationS = 10_000;

  it('wrong suspicions start at (1-q) q^m / eta and last (m+1) eta - delta + eta q/(1-q)', async () => {
    const result = await runYaml(
      heartbeatYaml({
        duration: `${durationS}s`,
        body: [
          'network: { latency: 1ms, loss: 0.1 }',
          'system:',
          '  model: heartbeat',
          '  monitors: { a: [b] }',
          '  detector: { kind: timeout, interval: 100ms, timeout: 250ms }',
        ].join('\n'),
      }),
    );
    const expectedRatePerS = ((1 - q) * q ** m) / etaS; // 0.2924/s
    const expectedCount = expectedRatePerS * durationS; // 2924
    const count = result.metrics['detector.false-suspicions']!;
    // Starts are (nearly) a Poisson process over 10^5 heartbeats: sd = sqrt(2924) = 54, and
    // the bound of 4 sd is 7.4 %.
    expect(Math.abs(count - expectedCount)).toBeLessThan(4 * Math.sqrt(expectedCount));

    const extraLossesMean = q / (1 - q);
    const expectedDurationMs = ((m + 1) * etaS - deltaS + etaS * extraLossesMean) * 1000; // 73.46ms
    // Duration = 50ms + 100ms * G with G geometric: sd = 100ms * sqrt(q)/(1-q) = 53.8ms, so the
    // mean of ~2900 samples has sd 1.0ms; the bound is 4 sd.
    const durationSdMs = (etaS * 1000 * Math.sqrt(q)) / (1 - q);
    expect(Math.abs(result.metrics['detector.mistake-duration.mean']! - expectedDurationMs)).toBeLessThan(
      (4 * durationSdMs) / Math.sqrt(expectedCount),
    );
    // The shortest mistake is (m+1) eta - delta: the first heartbeat after the gap arrives then.
    expect(result.metrics['detector.mistake-duration.max']).toBeGreaterThan(expectedDurationMs);

    // Query accuracy: 1 - rate x mean duration = 0.97852, within the combined 4-sd bounds.
    const expectedAccuracy = 1 - expectedRatePerS * (expectedDurationMs / 1000);
    expect(Math.abs(result.metrics['detector.query-accuracy']! - expectedAccuracy)).toBeLessThan(0.002);
    expect(result.metrics['detector.undetected-crashes']).toBe(0);
  });

  it('never suspects a live node when no heartbeat can be lost', async () => {
    const result = await runYaml(
      heartbeatYaml({
        duration: '100s',
        body: 'network: { latency: 1ms }\nsystem:\n  model: heartbeat\n  detector: { kind: timeout, interval: 100ms, timeout: 250ms }',
      }),
    );
    expect(result.metrics['detector.false-suspicions']).toBe(0);
    expect(result.metrics['detector.query-accuracy']).toBe(1);
  });
});

describe('phi accrual with Akka defaults', () => {
  it('detects a crash about 4.5s after the last heartbeat arrived', async () => {
    // 1s probes, 1ms each way, no loss: after 120 heartbeats the history is 1000ms intervals and
    // two bootstrap samples (deviation below the 100ms floor), so phi reaches 8 at
    // 1000 + 3000 + 5.22 x 100 = 4522ms after the last heartbeat. The crash falls at a uniform
    // phase of each monitor's probing, so the detection time is 4522ms minus up to one interval:
    // in (3522, 4522], mean ~4.02s over the 4 monitors. (Akka's documentation quotes ~5.5s,
    // counting from the heartbeat before: 4.5s + the 1s interval.)
    const result = await runYaml(
      heartbeatYaml({
        duration: '200s',
        nodes: '[{ name: n, count: 5 }]',
        body: [
          'network: { latency: 1ms }',
          'system:',
          '  model: heartbeat',
          '  detector: { kind: phi-accrual }',
          'faults:',
          '  - { at: 120s, crash: n-1, mode: silent }',
        ].join('\n'),
      }),
    );
    expect(result.metrics['detector.detections']).toBe(4);
    expect(result.metrics['detector.detection-time.max']).toBeLessThanOrEqual(4523);
    expect(result.metrics['detector.detection-time.max']).toBeGreaterThan(3522);
    expect(result.metrics['detector.detection-time.mean']).toBeGreaterThan(3522);
    expect(result.metrics['detector.false-suspicions']).toBe(0);
  });
});
