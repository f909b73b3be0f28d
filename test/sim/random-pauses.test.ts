// Random pauses (GC, VM suspend) against their parameters: a lognormal `for:` given as median and
// p99 gives pause lengths with that median and p99; pauses.total and pauses.longest-ms agree with
// the fault log; a paused process does not run (its clock readings stop while it is paused).

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/run-scenario.js';
import { lastProbe, loadWithProbe } from '../builders/clock-probe-model.js';

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

describe('random pauses', () => {
  it('a lognormal with median 50ms and p99 2s gives pauses with that median and p99', async () => {
    const scenario = await loadWithProbe(`
duration: 3600s
nodes: [{ name: n, count: 2 }]
system: { model: clock-probe, sample: 1h }
faults:
  - random: { pause: { nodes: "n-*", every: 1s..2s, for: { dist: lognormal, median: 50ms, p99: 2s } } }
`);
    const result = runScenario(scenario);
    const startedUs = new Map<string, number>();
    const lengthsMs: number[] = [];
    for (const record of result.faults) {
      const [verb, node] = record.label.split(' ');
      if (verb === 'pause') startedUs.set(node!, record.atUs);
      if (verb === 'resume') lengthsMs.push((record.atUs - startedUs.get(node!)!) / 1000);
    }
    // About 2 x 3600 s / (1.5 s + mean pause) ≈ 4,200 pauses (the fault log keeps 10,000 records).
    expect(lengthsMs.length).toBeGreaterThan(3800);
    expect(result.metrics['pauses.total']).toBe(lengthsMs.length);
    const sorted = [...lengthsMs].sort((a, b) => a - b);
    expect(result.metrics['pauses.longest-ms']).toBe(sorted[sorted.length - 1]);
    // Median: standard error ~1.25σ/√n·median ≈ 2% here; p99: its standard error is ~9% (density at the 99th percentile), so ±25%.
    expect(quantile(sorted, 0.5)).toBeGreaterThan(50 * 0.92);
    expect(quantile(sorted, 0.5)).toBeLessThan(50 * 1.08);
    expect(quantile(sorted, 0.99)).toBeGreaterThan(2000 * 0.75);
    expect(quantile(sorted, 0.99)).toBeLessThan(2000 * 1.25);
  });

  it('a paused node runs nothing: its readings skip the pause and resume together', async () => {
    const scenario = await loadWithProbe(`
duration: 10s
nodes: [a]
system: { model: clock-probe, sample: 100ms }
faults:
  - { at: 3s, for: 2s, pause: a }
`);
    const result = runScenario(scenario);
    const times = lastProbe.shared!.readings.map((r) => r.trueUs);
    expect(times.some((t) => t > 3_000_000 && t < 5_000_000)).toBe(false);
    expect(result.metrics['pauses.total']).toBe(1);
    expect(result.metrics['pauses.longest-ms']).toBe(2000);
  });

  it('are refused with located problems when their keys are wrong', async () => {
    await expect(loadWithProbe(`
duration: 10s
nodes: [a]
system: { model: clock-probe }
faults:
  - random: { pause: { nodes: a, every: 1s..2s } }
`)).rejects.toThrow(/missing required key `for`/);
  });
});
