// Common random numbers: randomness comes from named streams derived from the seed, so two runs
// with the same seed that differ only in the client timeout see the same arrivals, network
// delays, losses and service times. With no retries the client sends the same messages either
// way: every network figure is equal, and only what the timeout decides (which requests count
// as failed) differs. With another seed, the network's draws differ.

import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/run-scenario.js';
import { loadScenarioFile } from '../../src/io/scenario-file.js';
import { REPO_ROOT } from './cli-helpers.js';

async function metricsOf(seed: number, timeout: string): Promise<Readonly<Record<string, number>>> {
  const scenario = await loadScenarioFile('test/sweep/fixtures/small.yaml', {
    cwd: REPO_ROOT,
    seed,
    sets: ['workload.retries=0', `workload.timeout=${timeout}`],
  });
  return runScenario(scenario).metrics;
}

const NETWORK_FIGURES = ['messages.sent', 'messages.delivered', 'messages.lost', 'executions', 'requests.total'];

describe('common random numbers across a sweep', () => {
  it('same seed, different timeout: the same network draws; only the verdicts differ', async () => {
    const short = await metricsOf(3, '10ms');
    const long = await metricsOf(3, '200ms');
    for (const name of NETWORK_FIGURES) expect(long[name], name).toBe(short[name]);
    expect(short['messages.lost']).toBeGreaterThan(0);
    expect(short.availability).toBeLessThan(long.availability);
  });

  it('another seed draws other delays and losses', async () => {
    const seed3 = await metricsOf(3, '10ms');
    const seed4 = await metricsOf(4, '10ms');
    expect(NETWORK_FIGURES.some((name) => seed3[name] !== seed4[name])).toBe(true);
  });
});
