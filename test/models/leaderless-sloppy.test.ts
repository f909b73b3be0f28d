// The leaderless model's sloppy quorum: under a partition that cuts the coordinator off from a
// key's home replicas, writes go to stand-ins that hold them as hints (`writes.hinted`), and the
// hints reach the home replicas after the partition heals (hinted handoff); until then the home
// replicas, and so the reads, miss the acknowledged writes.

import { describe, expect, it } from 'vitest';
import { homeReplicas, preferenceList, type LeaderlessConfig } from '../../src/models/leaderless/config.js';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';
import { runScenario } from '../../src/run/run-scenario.js';

const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);
const run = async (text: string, sets: string[] = []) => runScenario(await loadScenario({ file: 'test.yaml', text, sets, resolveModel }));

const replicas = ['replica-1', 'replica-2', 'replica-3', 'replica-4', 'replica-5'];

// One key, k1, whose home replicas (N=3 of 5 on the ring) are replica-5, replica-1, replica-2.
// From the start the coordinator reaches only replica-3 and replica-4, the next two on the ring.
// The partition lasts until the final phase heals it, so no later write hides a lost one.
const cutOff = (system: string, quiet: string) => `
seed: 3
duration: 5s
nodes: [ { name: client }, { name: coordinator }, { name: replica, count: 5 } ]
network: { latency: { dist: exponential, mean: 1ms } }
system: { model: leaderless, replicas: [${replicas.join(', ')}], n: 3, r: 2, w: 2, coordinator: coordinator, ${system} }
workload: { kind: kv, clients: [client], keys: 1, mix: { write: 1 }, rate: 50/s, timeout: 500ms }
faults:
  - { at: 0s, partition: [[client, coordinator, replica-3, replica-4], [replica-5, replica-1, replica-2]] }
final: { quiet: ${quiet} }
expect: [ no-lost-writes, converged ]
`;

describe('ring placement', () => {
  it('a key lives on n consecutive replicas; its stand-ins are the next ones on the ring', () => {
    const config = { replicas, n: 3 } as unknown as LeaderlessConfig;
    expect(homeReplicas(config, 'k1')).toEqual(['replica-5', 'replica-1', 'replica-2']);
    expect(preferenceList(config, 'k1')).toEqual(['replica-5', 'replica-1', 'replica-2', 'replica-3', 'replica-4']);
    const all = { replicas, n: 5 } as unknown as LeaderlessConfig;
    expect(homeReplicas(all, 'k1')).toEqual(replicas);
  });
});

describe('sloppy quorum with hinted handoff', () => {
  it('a strict quorum acknowledges no write while the home replicas are cut off', async () => {
    const result = await run(cutOff('sloppy: false', '1s'));
    expect(result.metrics['writes.acknowledged-fraction']).toBe(0);
    expect(result.metrics['writes.hinted']).toBe(0);
    expect(result.metrics['ops.unknown']).toBeGreaterThan(200);
  });

  it('a sloppy quorum writes to two stand-ins with hints and acknowledges every write', async () => {
    const result = await run(cutOff('sloppy: true, handoff-interval: 500ms', '2s'));
    expect(result.metrics['writes.acknowledged-fraction']).toBe(1);
    // Every write: three home replicas silent, two stand-ins (replica-3, replica-4), two hints.
    expect(result.metrics['writes.hinted']).toBe(2 * result.metrics['writes.acknowledged']!);
    expect(result.metrics['writes.acknowledged']).toBeGreaterThan(200);
    // After the heal the hints reach the home replicas: the final read sees the last write.
    expect(result.expectations.map((e) => [e.expr, e.ok])).toEqual([['no-lost-writes', true], ['converged', true]]);
    expect(result.metrics['writes.lost']).toBe(0);
  });

  it('until the hints are handed off, the home replicas miss every acknowledged write', async () => {
    // Handoffs every 60s (the first at a random phase) and final reads as soon as the partition
    // heals: the final read returns the value from before the partition (none), and the last
    // acknowledged write is unreadable. It is not lost: the stand-ins hold it on disk as a hint,
    // and it wins wherever it arrives (the model discarded nothing).
    const result = await run(cutOff('sloppy: true, handoff-interval: 60s', '0s'));
    expect(result.metrics['writes.acknowledged-fraction']).toBe(1);
    // The last write, and those concurrent with it (each waits the 50ms of sloppy-after).
    expect(result.metrics['writes.unreadable']).toBeGreaterThanOrEqual(1);
    expect(result.metrics['writes.lost']).toBe(0);
    expect(result.expectations.find((e) => e.expr === 'no-lost-writes')?.ok).toBe(true);
    // The home replicas agree with each other (on nothing): convergence does not mean durability.
    expect(result.expectations.find((e) => e.expr === 'converged')?.ok).toBe(true);
  });

  it('hints are on disk: a stand-in that crashes and restarts still hands them off', async () => {
    // W=1 and a single stand-in in reach (replica-3), which crashes just before the workload ends
    // and restarts when the final phase heals everything. With mix write only, the final read is
    // the only read: it is stale (null) unless replica-3's hints survived the crash.
    const result = await run(`
seed: 3
duration: 5s
nodes: [ { name: client }, { name: coordinator }, { name: replica, count: 5 } ]
network: { latency: { dist: exponential, mean: 1ms } }
system: { model: leaderless, replicas: [${replicas.join(', ')}], n: 3, r: 2, w: 1, coordinator: coordinator, sloppy: true, handoff-interval: 500ms }
workload: { kind: kv, clients: [client], keys: 1, mix: { write: 1 }, rate: 50/s, timeout: 500ms }
faults:
  - { at: 0s, partition: [[client, coordinator, replica-3], [replica-5, replica-1, replica-2, replica-4]] }
  - { at: 4900ms, crash: replica-3 }
final: { quiet: 2s }
`);
    expect(result.metrics['writes.hinted']).toBeGreaterThan(200);
    expect(result.metrics['reads.ok']).toBe(1);
    expect(result.metrics['reads.stale']).toBe(0);
  });

  it('after a partition in mid-run, replicas converge once the quiet period has passed', async () => {
    const result = await run(`
seed: 5
duration: 12s
nodes: [ { name: client, count: 2 }, { name: coordinator }, { name: replica, count: 5 } ]
network: { latency: { dist: exponential, mean: 1ms } }
system: { model: leaderless, replicas: [${replicas.join(', ')}], n: 3, r: 2, w: 2, coordinator: coordinator, sloppy: true, read-repair: false }
workload: { kind: kv, clients: ["client-*"], keys: 20, mix: { read: 0.5, write: 0.5 }, rate: 200/s, timeout: 500ms }
faults:
  - { at: 3s, for: 5s, partition: [[client-1, client-2, coordinator, replica-1, replica-2], [replica-3, replica-4, replica-5]] }
final: { quiet: 2s }
expect: [ no-lost-writes, converged ]
`);
    expect(result.metrics['writes.hinted']).toBeGreaterThan(100);
    // Without read repair only the handoff brings the home replicas up to date.
    expect(result.ok).toBe(true);
  });
});
