import { describe, expect, it } from 'vitest';
import { expectationMetricName, formatObserved } from '../../src/report/expectations-table.js';
import { buildExpectation } from './build-run-result.js';

describe('expectation observed values', () => {
  it('finds the metric an expectation compares', () => {
    expect(expectationMetricName('latency.p99 <= 250ms')).toBe('latency.p99');
    expect(expectationMetricName('failures.request-lost == 0')).toBe('failures.request-lost');
    expect(expectationMetricName('  availability>=0.99')).toBe('availability');
  });

  it('formats the observed value in that metric unit, verdicts as they are', () => {
    expect(formatObserved(buildExpectation('latency.p99 <= 250ms', true, 12.3))).toBe('12.30 ms');
    expect(formatObserved(buildExpectation('availability >= 0.99', false, 0.9876))).toBe('98.76 %');
    expect(formatObserved(buildExpectation('requests.failed < 10', true, 1234))).toBe('1,234');
    expect(formatObserved(buildExpectation('linearizable', false, 'not linearizable'))).toBe('not linearizable');
    expect(formatObserved(buildExpectation('latency.p99 < 1ms', false, null))).toBe('n/a');
    // A unit declared by the model wins over the guess from the name (which says count here).
    expect(formatObserved(buildExpectation('failover.max < 1s', true, 700))).toBe('700');
    expect(formatObserved(buildExpectation('failover.max < 1s', true, 700), { 'failover.max': 'ms' })).toBe('700.00 ms');
  });
});
