import { describe, expect, it } from 'vitest';
import { formatMetricValue, metricUnit } from '../../src/report/metric-units.js';

describe('metricUnit', () => {
  it.each([
    ['latency.p99', 'ms'],
    ['latency.mean', 'ms'],
    ['detector.detection-time.mean', 'ms'],
    ['detector.detection-time.max', 'ms'],
    ['leader.split-brain-ms', 'ms'],
    ['time.total', 'ms'],
    ['availability', 'ratio'],
    ['reads.stale-fraction', 'ratio'],
    ['detector.accuracy', 'ratio'],
    ['requests.total', 'count'],
    ['failures.queued-past-timeout', 'count'],
    ['failures.delayed', 'count'],
    ['messages.sent', 'count'],
    ['events', 'count'],
    ['detector.detection-time.count', 'count'],
  ] as const)('%s is %s', (name, unit) => {
    expect(metricUnit(name)).toBe(unit);
  });
});

describe('formatMetricValue', () => {
  it('writes milliseconds with two decimals and thousands separators', () => {
    expect(formatMetricValue('latency.p50', 12.345)).toBe('12.35 ms');
    expect(formatMetricValue('latency.max', 12345.6)).toBe('12,345.60 ms');
  });

  it('writes ratios as percentages, with a third decimal rather than a misleading 100.00', () => {
    expect(formatMetricValue('availability', 0.99523)).toBe('99.52 %');
    expect(formatMetricValue('availability', 1)).toBe('100.00 %');
    expect(formatMetricValue('availability', 0.99999)).toBe('99.999 %');
    expect(formatMetricValue('reads.stale-fraction', 0.00001)).toBe('0.001 %');
  });

  it('writes counts grouped, fractional counts with two decimals', () => {
    expect(formatMetricValue('requests.total', 12345)).toBe('12,345');
    expect(formatMetricValue('events', 1234567)).toBe('1,234,567');
    expect(formatMetricValue('retries.per-request', 1.5)).toBe('1.50');
  });

  it('writes n/a for a value that could not be computed', () => {
    expect(formatMetricValue('latency.p99', Number.NaN)).toBe('n/a');
  });
});
