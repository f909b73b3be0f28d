// A crashed kv client awaits nothing: its operations in flight do not hold the drain and final
// phases until their time limits, and they count as unknown (their outcome was never learned).

import { describe, expect, it } from 'vitest';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';
import { runScenario } from '../../src/run/run-scenario.js';

const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);
const run = async (text: string) => runScenario(await loadScenario({ file: 'test.yaml', text, sets: [], resolveModel }));

// 50ms each way and 200 ops/s: about 20 operations are in flight when the client crashes.
const common = `
duration: 10s
network: { latency: 50ms }
workload: { kind: kv, clients: [client], keys: 5, mix: { read: 0.5, write: 0.5 }, rate: 200/s, timeout: 1s }
faults: [ { at: 5s, crash: client } ]
final: { quiet: 1s }
`;

describe('a crashed kv client', () => {
  it('leaderless: the drain does not wait for its lost operations, and they count as unknown', async () => {
    const result = await run(`${common}
nodes: [ { name: client }, { name: replica, count: 3 } ]
system: { model: leaderless, replicas: [replica-1, replica-2, replica-3] }
`);
    // Workload 10s, no drain (the client is down), quiet 1s, final reads (~200ms): not 10s + 3s drain + 1s + 3s.
    expect(result.endMs).toBeLessThan(11_500);
    expect(result.stopReason).toBe('completed');
    expect(result.metrics['ops.unknown']).toBeGreaterThan(5);
  });

  it('leader-follower: same', async () => {
    const result = await run(`${common}
nodes: [ { name: client }, { name: db, count: 3 } ]
system: { model: leader-follower, servers: [db-1, db-2, db-3] }
`);
    expect(result.endMs).toBeLessThan(11_500);
    expect(result.metrics['ops.unknown']).toBeGreaterThan(5);
  });
});
