import { describe, expect, it } from 'vitest';
import { renderRunJson } from '../../src/report/run-json.js';
import { buildExpectation, buildRunResult } from './build-run-result.js';

const failing = buildRunResult({
  sets: ['clients=3'],
  expectations: [
    buildExpectation('latency.p99 <= 100ms', false, 150.5),
    buildExpectation('linearizable', false, 'not linearizable', { op: { process: 3, f: 'read', value: 4 } }),
  ],
});

describe('the JSON document', () => {
  it('holds the required fields in a fixed order', () => {
    const document = JSON.parse(renderRunJson(failing)) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual([
      'schemaVersion',
      'scenario',
      'description',
      'file',
      'seed',
      'sets',
      'ok',
      'stopReason',
      'durationMs',
      'endMs',
      'metrics',
      'metricUnits',
      'expectations',
      'failureCauses',
      'faults',
      'timeline',
      'reproduce',
    ]);
    expect(document).toMatchObject({
      schemaVersion: 1,
      scenario: 'retries-and-timeouts',
      seed: 42,
      ok: false,
      sets: ['clients=3'],
      stopReason: 'completed',
      reproduce: 'ddsim run scenarios/retries-and-timeouts.yaml --seed 42',
    });
  });

  it('keeps metrics flat and sorted, times in ms, with their units', () => {
    const document = JSON.parse(renderRunJson(failing));
    expect(document.metrics['latency.p99']).toBe(150.5);
    expect(Object.keys(document.metrics)).toEqual(Object.keys(document.metrics).sort());
    expect(document.metricUnits['latency.p99']).toBe('ms');
    expect(document.metricUnits.availability).toBe('ratio');
  });

  it('lists expectations with observed values and witnesses', () => {
    const document = JSON.parse(renderRunJson(failing));
    expect(document.expectations).toEqual([
      { expr: 'latency.p99 <= 100ms', ok: false, observed: 150.5, observedText: '150.50 ms' },
      {
        expr: 'linearizable',
        ok: false,
        observed: 'not linearizable',
        observedText: 'not linearizable',
        witness: { op: { process: 3, f: 'read', value: 4 } },
      },
    ]);
  });

  it('carries the timeline as compact lane strings with their legend, faults in ms, and causes', () => {
    const document = JSON.parse(renderRunJson(failing));
    expect(document.timeline.legend).toEqual({ '-': 'up', D: 'down', P: 'paused', C: 'cut' });
    expect(document.timeline.bucketMs).toBe(250);
    expect(document.timeline.lanes[1]).toEqual({ node: 'server-1', states: '-'.repeat(10) + 'D'.repeat(10) + '-'.repeat(20) });
    expect(document.timeline.failuresPerBucket).toHaveLength(40);
    expect(document.faults[0]).toEqual({ atMs: 2500, label: 'crash server-1 (refuse)', kind: 'crash', revert: false });
    const crashed = document.failureCauses.find((row: { cause: string }) => row.cause === 'server-crashed');
    expect(crashed.count).toBe(40);
    expect(crashed.share).toBeCloseTo(40 / 62);
    expect(crashed.explanation).toContain('server process was down');
  });

  it('is byte-identical for the same input, 2-space indented, ends in a newline, no wall time', () => {
    const text = renderRunJson(failing);
    expect(renderRunJson(buildRunResult({ ...failing }))).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toMatch(/^\{\n {2}"schemaVersion": 1,\n {2}"scenario"/);
    expect(text).not.toMatch(/wall/i);
  });

  it('writes a value that could not be computed as null', () => {
    const result = buildRunResult({ metrics: { 'latency.p99': Number.NaN } });
    expect(JSON.parse(renderRunJson(result)).metrics['latency.p99']).toBeNull();
  });
});
