import { describe, expect, it } from 'vitest';
import { renderRunSummary } from '../../src/report/run-summary.js';
import { buildExpectation, buildRunResult } from './build-run-result.js';
import { ANSI_ESCAPE } from './report-test-helpers.js';

describe('the one-line summary', () => {
  it('says PASS with the scenario, seed and key figures', () => {
    const line = renderRunSummary(buildRunResult(), null, { color: false });
    expect(line).toBe(
      '✓ PASS  retries-and-timeouts  seed 42  requests 952 ok of 1,000  availability 95.23 %  p99 150.50 ms  4 faults  expectations 2/2 held',
    );
    expect(line).not.toContain('\n');
  });

  it('shows the key figures of other models (replication, detectors) and skips figures without data', () => {
    const metrics = { 'ops.ok': 2084, 'writes.lost': 17, 'reads.stale': 188, 'leader.elections': 1, 'detector.detection-time.mean': Number.NaN };
    const line = renderRunSummary(buildRunResult({ metrics, faults: [], expectations: [] }), null, { color: false });
    expect(line).toBe('✓ PASS  retries-and-timeouts  seed 42  ops ok 2,084  lost writes 17  stale reads 188  elections 1');
  });

  it('says n/a for a ratio without data (0 of 0), not 0 %', () => {
    const result = buildRunResult({ metrics: { 'requests.total': 0, 'requests.ok': 0, availability: Number.NaN }, metricUnits: { availability: 'ratio' }, faults: [], expectations: [] });
    expect(renderRunSummary(result, null, { color: false })).toContain('requests 0 ok of 0  availability n/a');
  });

  it('says FAIL, and that the run was cut short, with wall time when given', () => {
    const result = buildRunResult({
      stopReason: 'event-budget-exhausted',
      expectations: [buildExpectation('availability >= 0.99', false, 0.95)],
    });
    const line = renderRunSummary(result, { wallMs: 1500 }, { color: false });
    expect(line.startsWith('✗ FAIL  retries-and-timeouts  seed 42')).toBe(true);
    expect(line).toContain('expectations 0/1 held');
    expect(line).toContain('CUT SHORT: event budget exhausted');
    expect(line).toContain('(wall 1.50s)');
  });

  it('colours only when asked', () => {
    expect(renderRunSummary(buildRunResult(), null, { color: false })).not.toMatch(ANSI_ESCAPE);
    expect(renderRunSummary(buildRunResult(), null, { color: true })).toMatch(ANSI_ESCAPE);
  });
});
