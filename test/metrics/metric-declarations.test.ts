// Declared histograms and units: `{ histogram: 'rtt', unit: 'ms' }` makes every statistic valid.

import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../cli/fake-io.js';
import { declaredMetricNames, expandMetricDeclarations } from '../../src/metrics/metric-declarations.js';

describe('metric declarations', () => {
  it('a histogram declares its six statistics in its unit; plain names keep the name-based unit', () => {
    const units = expandMetricDeclarations([{ histogram: 'rtt', unit: 'ms' }, 'pings', { name: 'lag', unit: 'ms' }]);
    expect([...units.entries()]).toEqual([
      ['rtt.mean', 'ms'], ['rtt.p50', 'ms'], ['rtt.p90', 'ms'], ['rtt.p99', 'ms'], ['rtt.p999', 'ms'], ['rtt.max', 'ms'],
      ['pings', 'count'], ['lag', 'ms'],
    ]);
    expect(declaredMetricNames([{ histogram: 'x' }])).not.toContain('x.p42');
  });
});

describe('declared histograms end to end (examples/ping-model.js declares { histogram: "rtt", unit: "ms" })', () => {
  const scenario = (expect: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-hist-'));
    copyFileSync('examples/ping-model.js', join(dir, 'ping-model.js'));
    writeFileSync(
      join(dir, 's.yaml'),
      `duration: 3s\nnodes: [{ name: node, count: 3 }]\nsystem: { model: ./ping-model.js, interval: 100ms, timeout: 50ms }\nexpect:\n  - ${expect}\n`,
    );
    return join(dir, 's.yaml');
  };

  it('every derived statistic is valid in expect:, with its unit in the JSON', async () => {
    for (const statistic of ['mean', 'p50', 'p90', 'p99', 'p999', 'max']) {
      const result = await runCli(['run', scenario(`rtt.${statistic} < 1s`), '--format', 'json']);
      expect(result.code).toBe(0);
      const document = JSON.parse(result.out);
      expect(document.metricUnits[`rtt.${statistic}`]).toBe('ms');
      expect(document.metrics[`rtt.${statistic}`]).toBeGreaterThan(0);
    }
  });

  it('an undeclared statistic is refused when the scenario is read, naming what exists', async () => {
    const result = await runCli(['run', scenario('rtt.p42 < 1s')]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('rtt.p42');
    expect(result.err).toContain("unknown metric \"rtt.p42\" (did you mean `rtt.p50`?)");
  });
});

describe('declared metrics never recorded', () => {
  it('are 0 for counts and times, and n/a (NaN, null in JSON) for ratios: 0 of 0 is no availability', async () => {
    const { MetricsStore } = await import('../../src/metrics/metrics-store.js');
    const store = new MetricsStore();
    const flat = store.snapshot(['requests.failed', 'availability'], new Set(['availability']));
    expect(flat['requests.failed']).toBe(0);
    expect(flat['availability']).toBeNaN();
    store.set('availability', 0.5);
    expect(store.snapshot(['availability'], new Set(['availability']))['availability']).toBe(0.5);
  });
});
