// Configuration mistakes of the replication models (leader-follower, leaderless) and of their kv
// and t-visibility workloads are located errors: file:line:column, key path, and a hint.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../cli/fake-io.js';

/** Validates `text` as s.yaml; the exit code and the problem lines. */
async function problems(text: string): Promise<{ code: number; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-repl-config-'));
  writeFileSync(join(dir, 's.yaml'), text);
  const result = await runCli(['validate', 's.yaml'], fakeIo({ cwd: dir }));
  return { code: result.code, lines: result.err.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim()) };
}

const lfNodes = 'duration: 10s\nnodes: [client, { name: db, count: 3 }]\n';
const llNodes = 'duration: 10s\nnodes: [client, { name: replica, count: 5 }]\n';

describe('leader-follower configuration', () => {
  it('unknown values and nodes, each at its place, with no errors that follow from them', async () => {
    const result = await problems(`${lfNodes}system:
  model: leader-follower
  servers: [db-1, db-2, db-3, db-9]
  replication: semi
  acks: 3
  fencing: epoch
  reads: follower
workload: { clients: [client], rate: 10/s }
`);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      's.yaml:5:31: system.servers[3]: unknown node "db-9" (did you mean `db-1`?)',
      's.yaml:6:16: system.replication: expected one of sync, async, semi-sync, got "semi"',
      's.yaml:8:12: system.fencing: expected one of none, epochs, got "epoch" (did you mean `epochs`?)',
      's.yaml:9:10: system.reads: expected one of leader, any, got "follower"',
    ]);
  });

  it('acks beyond the followers, a client that is also a server, durations and distributions', async () => {
    const result = await problems(`${lfNodes}system:
  model: leader-follower
  servers: [db-1, db-2, db-3]
  replication: semi-sync
  acks: 3
  failover-timeout: 1
  replication-delay: { dist: normal }
workload: { clients: [client, db-1], rate: 10/s }
`);
    expect(result.lines).toEqual([
      's.yaml:7:9: system.acks: must be at most 2, got 3',
      's.yaml:8:21: system.failover-timeout: a duration needs a unit, got 1 (add a unit, e.g. 250ms)',
      's.yaml:9:22: system.replication-delay.mean: missing required key `mean`',
      's.yaml:9:22: system.replication-delay.stddev: missing required key `stddev`',
      's.yaml:10:22: workload.clients: node "db-1" cannot be both a client and a server',
    ]);
  });

  it('no servers, no workload section, or the t-visibility workload', async () => {
    expect((await problems(`${lfNodes}system: { model: leader-follower, servers: [] }\n`)).lines).toEqual([
      's.yaml:3:9: system: this model needs a `workload:` section (add workload: { kind: kv, clients: [client], keys: 5, rate: 100/s })',
      's.yaml:3:44: system.servers: expected at least one node',
    ]);
    expect((await problems(`${lfNodes}system: { model: leader-follower, servers: [db-1] }\nworkload: { kind: t-visibility, clients: [client] }\n`)).lines).toEqual([
      's.yaml:4:19: workload.kind: the leader-follower model runs the kv workload (kind: kv)',
    ]);
  });
});

describe('leaderless configuration', () => {
  it('quorums beyond N, an unknown coordinator, a non-boolean, and no compare-and-set', async () => {
    const result = await problems(`${llNodes}system: { model: leaderless, replicas: ["replica-*"], n: 6, r: 0, sloppy: yes, coordinator: replica-7 }
workload: { kind: kv, clients: [client], rate: 10/s, mix: { read: 0.5, cas: 0.5 }, keys: 0 }
`);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      's.yaml:3:58: system.n: must be at most 5, got 6',
      's.yaml:3:64: system.r: must be at least 1, got 0',
      's.yaml:3:75: system.sloppy: expected true or false, got "yes"',
      's.yaml:3:93: system.coordinator: unknown node "replica-7" (did you mean `replica-1`?)',
      's.yaml:4:59: workload.mix: the leaderless model has no compare-and-set (no single node orders writes) (use mix: { read, write })',
      's.yaml:4:90: workload.keys: must be at least 1, got 0',
    ]);
  });

  it('a sloppy quorum with no node outside the home replicas, and w beyond n', async () => {
    const result = await problems(`${llNodes}system: { model: leaderless, replicas: ["replica-*"], n: 3, w: 4, sloppy: true, handoff-interval: 0s }
workload: { kind: kv, clients: [client], rate: 10/s }
`);
    expect(result.lines).toEqual([
      's.yaml:3:64: system.w: must be at most 3, got 4',
      's.yaml:3:99: system.handoff-interval: must be at least 1us, got 0us',
    ]);
    const all = await problems(`${llNodes}system: { model: leaderless, replicas: ["replica-*"], sloppy: true }
workload: { kind: kv, clients: [client], rate: 10/s }
`);
    expect(all.lines).toEqual([
      "s.yaml:3:63: system.sloppy: a sloppy quorum needs stand-ins outside a key's 5 replicas, and there are 5 in all (place keys on fewer replicas than there are, e.g. n: 3 with 5 replicas)",
    ]);
  });

  it('a client that is also a replica or the coordinator', async () => {
    const result = await problems(`${llNodes}system: { model: leaderless, replicas: [replica-1, replica-2, replica-3], coordinator: replica-5 }
workload: { kind: kv, clients: [client, replica-1, replica-5], rate: 10/s }
`);
    expect(result.lines).toEqual([
      's.yaml:4:32: workload.clients: node "replica-1" cannot be both a client and a server',
      's.yaml:4:32: workload.clients: node "replica-5" cannot be both a client and a server',
    ]);
  });
});

describe('kv and t-visibility workloads', () => {
  const system = 'system: { model: leaderless, replicas: ["replica-*"], n: 3 }\n';

  it('rate and concurrency: exactly one; a mix with no positive share', async () => {
    const result = await problems(`${llNodes}${system}workload: { clients: [client], rate: 10/s, concurrency: 2, mix: { read: 0, write: 0 } }\n`);
    expect(result.lines).toEqual([
      's.yaml:4:11: workload: give exactly one of `rate` (open loop) and `concurrency` (closed loop, per client) (e.g. rate: 100/s)',
      's.yaml:4:65: workload.mix: the mix needs a positive share of read, write or cas (e.g. mix: { read: 0.5, write: 0.4, cas: 0.1 })',
    ]);
    expect((await problems(`${llNodes}${system}workload: { clients: [client] }\n`)).lines).toEqual([
      's.yaml:4:11: workload: give exactly one of `rate` (open loop) and `concurrency` (closed loop, per client) (e.g. rate: 100/s)',
    ]);
  });

  it('a misspelt kind is reported alone, not with the kv keys it then seems to lack', async () => {
    const result = await problems(`${llNodes}${system}workload: { kind: t-visbility, clients: [client], timeout: 0s, probes: 10 }\n`);
    expect(result.lines).toEqual([
      's.yaml:4:19: workload.kind: expected one of kv, t-visibility, got "t-visbility" (did you mean `t-visibility`?)',
      's.yaml:4:60: workload.timeout: must be at least 1us, got 0us',
    ]);
  });

  it('t-visibility: a negative gap, too few probes, no clients', async () => {
    const result = await problems(`${llNodes}${system}workload: { kind: t-visibility, clients: [], gap: -1ms, probes: 0 }\n`);
    expect(result.lines).toEqual([
      's.yaml:4:42: workload.clients: expected at least one node',
      's.yaml:4:51: workload.gap: a duration must not be negative, got -1ms',
      's.yaml:4:65: workload.probes: must be at least 1, got 0',
    ]);
  });

  it('a missing workload section', async () => {
    expect((await problems(`${llNodes}${system}`)).lines).toEqual([
      's.yaml:3:9: system: this model needs a `workload:` section (add workload: { kind: kv, clients: [client], keys: 5, rate: 100/s })',
    ]);
  });
});

describe('consistent names across models', () => {
  it('leader-follower takes replicas: for servers:, leaderless takes servers: for replicas:, each the same run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-alias-'));
    const lf = (key: string) => `${lfNodes}system:\n  model: leader-follower\n  ${key}: [db-1, db-2, db-3]\nworkload: { clients: [client], rate: 10/s, timeout: 1s }\n`;
    const ll = (key: string) => `${llNodes}system:\n  model: leaderless\n  ${key}: "replica-*"\n  n: 3\n  r: 2\n  w: 2\nworkload: { clients: [client], rate: 10/s, timeout: 1s }\n`;
    const json = async (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      const result = await runCli(['run', name, '--format', 'json'], fakeIo({ cwd: dir }));
      expect(result.err).toBe('');
      const { metrics, faults, expectations } = JSON.parse(result.out);
      return { metrics, faults, expectations };
    };
    expect(await json('lf-r.yaml', lf('replicas'))).toEqual(await json('lf-s.yaml', lf('servers')));
    expect(await json('ll-s.yaml', ll('servers'))).toEqual(await json('ll-r.yaml', ll('replicas')));
  });

  it('a key and its alias together are refused at the alias', async () => {
    const result = await problems(`${lfNodes}system:\n  model: leader-follower\n  servers: [db-1, db-2]\n  replicas: [db-3]\nworkload: { clients: [client], rate: 10/s }\n`);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual(['s.yaml:6:13: system.replicas: `replicas` and `servers` are the same key (aliases): give one of them']);
  });

  it('kv workloads report availability = ops.ok / (ops.ok + ops.failed + ops.unknown)', async () => {
    const result = await runCli(['run', 'scenarios/repl-async-failover.yaml', '--format', 'json']);
    const { metrics, metricUnits } = JSON.parse(result.out);
    const answered = metrics['ops.ok'] + metrics['ops.failed'] + metrics['ops.unknown'];
    expect(metrics['ops.failed'] + metrics['ops.unknown']).toBeGreaterThan(0); // the crash fails some
    expect(metrics.availability).toBeCloseTo(metrics['ops.ok'] / answered, 12);
    expect(metricUnits.availability).toBe('ratio');
  });
});
