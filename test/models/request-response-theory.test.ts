// The request-response model against closed forms, within statistical bounds.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/run-scenario.js';
import { buildScenario, constantUs, requestResponseConfig } from '../builders/scenario.js';

describe('request-response against theory', () => {
  it('loss p each way with k retries succeeds with 1-(1-(1-p)^2)^(k+1)', () => {
    const p = 0.2;
    const k = 2;
    const result = runScenario(
      buildScenario({
        durationUs: 100_000_000,
        network: { latency: constantUs(1000), lossProbability: p, duplicateProbability: 0, links: [] },
        config: requestResponseConfig({ arrivalRatePerSecond: 1000, retries: k, timeoutUs: 50_000, serverConcurrency: 100 }),
      }),
    );
    const expected = 1 - (1 - (1 - p) ** 2) ** (k + 1);
    const n = result.metrics['requests.total']!;
    expect(n).toBeGreaterThan(90_000);
    const sigma = Math.sqrt((expected * (1 - expected)) / n);
    expect(Math.abs(result.metrics['availability']! - expected)).toBeLessThan(4 * sigma);
    // Every failed attempt was lost in one direction or the other.
    const lost = result.metrics['failures.request-lost']! + result.metrics['failures.response-lost']!;
    expect(lost).toBe(result.metrics['attempts.failed']);
    // A request is lost with p, a response with (1-p)p: their ratio is 1/(1-p).
    const ratio = result.metrics['failures.request-lost']! / result.metrics['failures.response-lost']!;
    expect(ratio).toBeGreaterThan(1 / (1 - p) - 0.1);
    expect(ratio).toBeLessThan(1 / (1 - p) + 0.1);
  });

  it('an M/M/1 server has mean latency 1/(mu - lambda) and exponential sojourn times', () => {
    const arrivalPerSecond = 50;
    const servicePerSecond = 100;
    const result = runScenario(
      buildScenario({
        durationUs: 2_000_000_000,
        network: { latency: constantUs(0), lossProbability: 0, duplicateProbability: 0, links: [] },
        config: requestResponseConfig({
          arrivalRatePerSecond: arrivalPerSecond,
          serviceTime: { kind: 'exponential', meanUs: 1_000_000 / servicePerSecond },
          serverConcurrency: 1,
          queueCapacity: 1_000_000,
          timeoutUs: 100_000_000,
        }),
      }),
    );
    const meanMs = 1000 / (servicePerSecond - arrivalPerSecond);
    expect(result.metrics['requests.total']).toBeGreaterThan(90_000);
    expect(result.metrics['availability']).toBe(1);
    expect(Math.abs(result.metrics['latency.mean']! - meanMs) / meanMs).toBeLessThan(0.05);
    // Sojourn time ~ Exponential(mu - lambda): median ln2 * mean, p99 ln(100) * mean.
    expect(Math.abs(result.metrics['latency.p50']! - Math.LN2 * meanMs) / (Math.LN2 * meanMs)).toBeLessThan(0.06);
    expect(Math.abs(result.metrics['latency.p99']! - Math.log(100) * meanMs) / (Math.log(100) * meanMs)).toBeLessThan(0.1);
  });
});
