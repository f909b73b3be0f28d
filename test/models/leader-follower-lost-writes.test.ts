// Lost writes counted exactly in leader-follower: after an async failover, every acknowledged write
// the old leader held and the new leader never got is lost, even when later writes overwrote its
// key (what the final reads alone cannot see). The expectation is computed here from what the
// servers received, watched from outside the model, not from the model's own bookkeeping.

import { describe, expect, it } from 'vitest';
import { leaderFollowerModel } from '../../src/models/leader-follower/index.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { resolverWith, wrapModel } from '../builders/wrapped-model.js';

interface Received {
  readonly node: string;
  readonly from: string;
  readonly message: { kind?: string; f?: string; key?: string; value?: number; epoch?: number; entries?: { key: string; value: number }[] };
}

// Async replication shipped about 300ms behind, 5 keys, a leader crash at 10s and 30s of writes
// after the failover: every key is overwritten many times by the new leader.
const scenario = `
seed: 11
duration: 40s
nodes: [ { name: client, count: 2 }, { name: db, count: 3 } ]
network: { latency: { dist: exponential, mean: 1ms } }
system: { model: wrapped, servers: [db-1, db-2, db-3], replication: async, failover-timeout: 1s, replication-delay: { dist: exponential, mean: 300ms } }
workload: { kind: kv, clients: [client-1, client-2], keys: 5, mix: { read: 0.5, write: 0.5 }, rate: 200/s, timeout: 500ms }
faults: [ { at: 10s, crash: db-1 } ]
final: { quiet: 3s }
expect: [ no-lost-writes ]
`;

async function watchedRun() {
  const received: Received[] = [];
  /** Acknowledged writes, value -> key: the history's ok records of writes. */
  const acknowledged = new Map<number, string>();
  const model = wrapModel(leaderFollowerModel, {
    onDelivery: (node, from, message) => received.push({ node, from, message: message as Received['message'] }),
    onHistory: (_node, operation) => {
      if (operation.f === 'write' && operation.type === 'ok') acknowledged.set(operation.value as number, operation.key!);
    },
  });
  const result = await runScenario(await loadScenario({ file: 'test.yaml', text: scenario, sets: [], resolveModel: resolverWith(model) }));
  return { result, received, acknowledged };
}

/**
 * The acknowledged writes db-1 accepted that the new leader never got, neither the write itself nor
 * a later write of the same key from db-1 (which replaces it in a replica's store): db-1 orders
 * writes as their requests reach it, so a write request's rank among those db-1 received is its
 * place in db-1's order.
 */
function expectedLost(received: readonly Received[], acknowledged: ReadonlyMap<number, string>): number[] {
  const rank = new Map<number, number>();
  for (const { node, message } of received) {
    if (node === 'db-1' && message.kind === 'kv.request' && message.f === 'write') rank.set(message.value!, rank.size);
  }
  const leader = received.find(({ message }) => message.kind === 'lf.heartbeat' && message.epoch! > 1)!.from;
  const gotRank = new Map<string, number>();
  for (const { node, from, message } of received) {
    if (node !== leader || from !== 'db-1' || message.kind !== 'lf.append') continue;
    for (const entry of message.entries!) gotRank.set(entry.key, Math.max(gotRank.get(entry.key) ?? -1, rank.get(entry.value)!));
  }
  return [...acknowledged]
    .filter(([value, key]) => rank.has(value) && rank.get(value)! > (gotRank.get(key) ?? -1))
    .map(([value]) => value)
    .sort((a, b) => a - b);
}

describe('leader-follower: lost writes counted exactly', () => {
  it('counts every acknowledged write the old leader held and the new leader never got, overwritten or not', async () => {
    const { result, received, acknowledged } = await watchedRun();
    const expected = expectedLost(received, acknowledged);
    expect(expected.length).toBeGreaterThan(5);
    expect(result.metrics['writes.lost']).toBe(expected.length);
    const check = result.expectations.find((e) => e.expr === 'no-lost-writes')!;
    expect(check.ok).toBe(false);
    const witness = check.witness as { lostWriteCount: number; lostWrites: { value: number; reason: string }[] };
    expect(witness.lostWriteCount).toBe(expected.length);
    expect(witness.lostWrites.map((lost) => lost.value).sort((a, b) => a - b)).toEqual(expected.slice(0, 20));
    expect(witness.lostWrites[0]!.reason).toMatch(/^truncated from db-1's log when db-[23] became leader in epoch \d+ at [\d.]+s/);
    // What the final reads can see: a subset, since later writes overwrote the keys.
    expect(result.metrics['writes.unreadable']).toBeLessThanOrEqual(result.metrics['writes.lost']!);
    expect(result.metrics['writes.unreadable']).toBeLessThan(expected.length);
  });
});
