// The leaderless model: the PBS t-visibility figure, quorum overlap without faults, and
// majority-quorum write availability against the binomial formula.

import { describe, expect, it } from 'vitest';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { readFileSync } from 'node:fs';

const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);
const run = async (text: string, sets: string[] = []) =>
  runScenario(await loadScenario({ file: 'test.yaml', text, sets, resolveModel }));

describe('leaderless', () => {
  it('reproduces PBS: LNKD-SSD, N=3, R=W=1, t=0 gives 97.4% consistent reads', async () => {
    const result = await run(readFileSync('scenarios/repl-pbs-visibility.yaml', 'utf8'));
    expect(result.metrics['probes.completed']).toBe(100_000);
    // Standard error of a fraction near 0.974 over 100,000 probes: 0.0005; allow 4 of them.
    expect(Math.abs(result.metrics['reads.consistent-fraction']! - 0.974)).toBeLessThan(0.002);
  }, 60_000);

  it('with R + W > N and no faults, every read returns the latest acknowledged value', async () => {
    const result = await run(`
duration: 20s
nodes: [ { name: client, count: 3 }, { name: coordinator }, { name: replica, count: 3 } ]
network: { latency: { dist: exponential, mean: 2ms } }
system: { model: leaderless, replicas: [replica-1, replica-2, replica-3], n: 3, r: 2, w: 2, coordinator: coordinator }
workload: { kind: kv, clients: ["client-*"], keys: 3, mix: { read: 0.6, write: 0.4 }, rate: 300/s, timeout: 1s }
final: { quiet: 1s }
expect: [ no-lost-writes, converged ]
`);
    expect(result.metrics['reads.ok']).toBeGreaterThan(3000);
    expect(result.metrics['reads.stale']).toBe(0);
    expect(result.ok).toBe(true);
    // ...while R = W = 1 (R + W <= N) returns stale values under the same load.
    const partial = await run(`
duration: 20s
nodes: [ { name: client, count: 3 }, { name: coordinator }, { name: replica, count: 3 } ]
network: { latency: { dist: exponential, mean: 2ms } }
system: { model: leaderless, replicas: [replica-1, replica-2, replica-3], n: 3, r: 1, w: 1, coordinator: coordinator }
workload: { kind: kv, clients: ["client-*"], keys: 3, mix: { read: 0.6, write: 0.4 }, rate: 300/s, timeout: 1s }
`);
    expect(partial.metrics['reads.stale']).toBeGreaterThan(0);
  });

  it('majority-quorum write availability matches 3a² - 2a³ (N=3, W=2, replicas up with probability a)', async () => {
    // mtbf 9s, mttr 1s: each replica is up a = 0.9 of the time, independently.
    const result = await run(`
duration: 2000s
seed: 4
nodes: [ { name: client }, { name: coordinator }, { name: replica, count: 3 } ]
network: { latency: 1ms }
system: { model: leaderless, replicas: [replica-1, replica-2, replica-3], n: 3, r: 2, w: 2, coordinator: coordinator }
workload: { kind: kv, clients: [client], keys: 50, mix: { write: 1 }, rate: 50/s, timeout: 100ms }
faults:
  - random: { crash: { nodes: "replica-*", mtbf: 9s, mttr: 1s } }
final: { quiet: 0s }
`);
    const a = 0.9;
    const expected = 3 * a ** 2 - 2 * a ** 3; // 0.972
    const writes = result.metrics['ops.ok']! + result.metrics['ops.unknown']! + result.metrics['ops.failed']!;
    const availability = result.metrics['ops.ok']! / writes;
    // About 100,000 writes, but correlated over crash periods of ~1s: allow 0.006.
    expect(Math.abs(availability - expected)).toBeLessThan(0.006);
  }, 60_000);
});
