// The lock model: leases and fencing tokens without faults, the paused holder of DDIA Figure 8-4
// and its fix by fencing (Figure 8-5), tokens that keep increasing across a crash of the lock
// service, located configuration errors, and determinism.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../cli/fake-io.js';
import { InputError } from '../../src/cli/errors.js';
import { lockModel } from '../../src/models/lock/index.js';
import type { LockObserver } from '../../src/models/lock/observer.js';
import type { LockFacts } from '../../src/model/lock-facts.js';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';
import { ScenarioRun } from '../../src/run/run-scenario.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';

const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);

/** Runs `text` (with `--set`s) and returns the result and the facts the model recorded. */
async function run(text: string, sets: string[] = []) {
  const scenario = await loadScenario({ file: 'lock.yaml', text, sets, resolveModel });
  const scenarioRun = new ScenarioRun(scenario);
  const result = scenarioRun.result();
  const observer = (scenarioRun as unknown as { shared: LockObserver }).shared;
  return { result, facts: lockModel.recordedFacts!(observer) as LockFacts, metrics: result.metrics };
}

/** A lock scenario: service lock-1, storage storage-1, clients client-1..N; `system` and `rest` are appended YAML. */
function lockYaml(options: { clients?: number; duration?: string; system?: string; rest?: string } = {}): string {
  return [
    `duration: ${options.duration ?? '30s'}`,
    `nodes: [lock-1, storage-1, { name: client, count: ${options.clients ?? 2} }]`,
    'network: { latency: { dist: exponential, mean: 2ms } }',
    'system:',
    '  model: lock',
    '  service: lock-1',
    '  storage: storage-1',
    '  clients: ["client-*"]',
    ...(options.system ?? '').split('\n').filter((line) => line !== '').map((line) => `  ${line}`),
    options.rest ?? '',
  ].join('\n');
}

/** Clients hand the lock over every second or so, without any fault. */
const handOver = 'lease: 2s\nwork: { dist: uniform, min: 100ms, max: 300ms }\nrelease-after: 1s\nretry: 300ms';

function expectTokensOnePerGrant(facts: LockFacts, grants: number): void {
  expect(facts.leases.map((lease) => lease.token)).toEqual(Array.from({ length: grants }, (_, i) => i + 1));
  for (let i = 1; i < facts.leases.length; i++) expect(facts.leases[i]!.grantedUs).toBeGreaterThan(facts.leases[i - 1]!.grantedUs);
}

describe('lock model without faults', () => {
  it('hands the lock over with a token one higher per grant, and no write is stale', async () => {
    const { result, facts, metrics } = await run(lockYaml({ clients: 3, system: handOver, rest: 'expect: [no-stale-writes]' }));
    expect(result.ok).toBe(true);
    expect(metrics['lock.grants']).toBeGreaterThan(10);
    expect(metrics['lock.releases']).toBeGreaterThan(10);
    expect(metrics['lock.token-max']).toBe(metrics['lock.grants']);
    expectTokensOnePerGrant(facts, metrics['lock.grants']!);
    // Every client got the lock at some point.
    expect(new Set(facts.leases.map((lease) => lease.client))).toEqual(new Set(['client-1', 'client-2', 'client-3']));
    expect(metrics['writes.accepted']).toBeGreaterThan(50);
    for (const name of ['writes.stale-accepted', 'writes.stale-rejected', 'lock.expired-while-working', 'lock.checks-after-expiry']) {
      expect(metrics[name], name).toBe(0);
    }
    // Every accepted write was made under a lease valid at that moment, in true time.
    const byToken = new Map(facts.leases.map((lease) => [lease.token, lease]));
    for (const write of facts.acceptedWrites) {
      const lease = byToken.get(write.token)!;
      expect(lease.client).toBe(write.client);
      expect(lease.valid.some((stretch) => stretch.fromUs <= write.acceptedUs && write.acceptedUs < stretch.toUs)).toBe(true);
    }
  });

  it('a holder that keeps the lock renews it under one token; fencing changes nothing', async () => {
    const plain = await run(lockYaml({ system: 'lease: 10s' }));
    expect(plain.metrics['lock.grants']).toBe(1);
    // Renewed when less than 5s is left: every 5s or so over 30s.
    expect(plain.metrics['lock.renewals']).toBeGreaterThanOrEqual(4);
    expect(plain.facts.leases[0]!.valid).toHaveLength(1);
    expect(plain.facts.leases[0]!.valid[0]!.toUs).toBeGreaterThan(30_000_000);
    expect(plain.metrics['lock.refusals']).toBeGreaterThan(20);
    const fenced = await run(lockYaml({ system: 'lease: 10s\nfencing: true' }));
    expect(fenced.metrics).toEqual(plain.metrics);
  });
});

describe('lock model: a holder cut off from the lock service', () => {
  it('stops writing when its own clock says the lease has run out, before the lock goes to another', async () => {
    const { result, facts, metrics } = await run(
      lockYaml({ system: 'lease: 10s\nwork: 100ms', rest: 'faults:\n  - { at: 3s, for: 20s, partition: [{ role: lock-holder }, [lock-1]] }\nexpect: [no-stale-writes]' }),
    );
    expect(result.ok).toBe(true);
    const [first, second] = facts.leases;
    expect(second!.client).not.toBe(first!.client); // whichever won the race at the start was cut off
    const firstEndUs = first!.valid[first!.valid.length - 1]!.toUs;
    const lastWriteUs = Math.max(...facts.acceptedWrites.filter((write) => write.token === 1).map((write) => write.acceptedUs));
    // Its renewals went unanswered: it wrote until shortly before its lease ended, and not after.
    expect(lastWriteUs).toBeGreaterThan(firstEndUs - 1_500_000); // a failed renewal (1s) and work (100ms) between writes
    expect(lastWriteUs).toBeLessThan(firstEndUs);
    expect(second!.grantedUs).toBeGreaterThanOrEqual(firstEndUs);
    expect(metrics['lock.checks-after-expiry']).toBe(0);
    expect(metrics['writes.stale-accepted']).toBe(0);
  });
});

describe('lock model under skewed and drifting clocks', () => {
  // The holder's time-of-day clock is set 2s behind, then it is cut off from the service; every
  // oscillator drifts by up to 1000 ppm.
  const skewed = lockYaml({
    system: 'lease: 10s\nwork: 100ms',
    rest: [
      'clocks: { drift: { dist: uniform, min: -1000ppm, max: 1000ppm } }',
      'faults:',
      '  - { at: 1s, clock: { role: lock-holder }, offset: -2s }',
      '  - { at: 3s, for: 20s, partition: [{ role: lock-holder }, [lock-1]] }',
      'expect: [no-stale-writes]',
    ].join('\n'),
  });

  it('a holder whose clock is behind writes past its lease with time-of-day leases, never with monotonic ones', async () => {
    for (const seed of [1, 2, 3]) {
      const timeOfDay = await run(skewed, [`seed=${seed}`, 'system.lease-clock=time-of-day']);
      expect(timeOfDay.metrics['writes.stale-accepted'], `seed ${seed}`).toBeGreaterThan(0);
      expect(timeOfDay.metrics['lock.checks-after-expiry'], `seed ${seed}`).toBeGreaterThan(0);
      // It believes at most 2s (its offset) longer than the lease lasts.
      const check = timeOfDay.result.expectations[0]!.witness as { staleWrites: { leaseExpiredMs: number; writeAcceptedMs: number }[] };
      for (const write of check.staleWrites) expect(write.writeAcceptedMs - write.leaseExpiredMs).toBeLessThan(2_000);
      const monotonic = await run(skewed, [`seed=${seed}`]);
      expect(monotonic.result.ok, `seed ${seed}`).toBe(true);
      expect(monotonic.metrics['lock.checks-after-expiry']).toBe(0);
      expect(monotonic.metrics['clock.offset.max']).toBeGreaterThan(1_990);
    }
  });
});

describe('lock model: the paused holder (DDIA Figures 8-4 and 8-5)', () => {
  const scenario = readFileSync('scenarios/lease-gc-pause.yaml', 'utf8');

  it('without fencing, the holder paused past its lease writes while another client holds the lock', async () => {
    const { result, metrics } = await run(scenario);
    expect(result.ok).toBe(false);
    expect(metrics['writes.stale-accepted']).toBeGreaterThanOrEqual(1);
    expect(metrics['lock.expired-while-working']).toBe(1);
    const check = result.expectations.find((expectation) => expectation.expr === 'no-stale-writes')!;
    expect(check.ok).toBe(false);
    const witness = check.witness as Record<string, any>;
    expect(witness).toMatchObject({ client: 'client-1', token: 1, holder: { client: 'client-2', token: 2 } });
    // The lease ran out at 10s (granted at the start, never renewed), the write came after the pause (17s).
    expect(witness['leaseExpiredMs']).toBeGreaterThan(10_000);
    expect(witness['leaseExpiredMs']).toBeLessThan(10_100);
    expect(witness['writeAcceptedMs']).toBeGreaterThanOrEqual(17_000);
    expect(witness['holder'].grantedMs).toBeGreaterThan(witness['leaseExpiredMs']);
    expect(witness['staleWriteCount']).toBe(metrics['writes.stale-accepted']);
    expect(String(witness['explanation'])).toMatch(/client-1 with token 1 .* client-2 held the lock with token 2/);
    expect(check.marks![0]!.atMs).toBe(witness['writeAcceptedMs']);
  });

  it('with fencing, storage rejects the stale token and the check passes', async () => {
    const { result, metrics } = await run(scenario, ['system.fencing=true']);
    expect(result.ok).toBe(true);
    expect(metrics['writes.stale-rejected']).toBeGreaterThanOrEqual(1);
    expect(metrics['writes.stale-accepted']).toBe(0);
    expect(metrics['lock.expired-while-working']).toBe(1);
  });

  it('with the time-of-day clock and no clock faults the story is the same', async () => {
    const monotonic = await run(scenario);
    const timeOfDay = await run(scenario, ['system.lease-clock=time-of-day']);
    expect(timeOfDay.metrics['writes.stale-accepted']).toBe(monotonic.metrics['writes.stale-accepted']);
    expect(timeOfDay.metrics['lock.grants']).toBe(monotonic.metrics['lock.grants']);
  });
});

describe('lock model: a crash of the lock service', () => {
  const crashYaml = lockYaml({
    system: handOver,
    rest: 'faults:\n  - { at: 10.5s, for: 3s, crash: { role: lock-service } }\nexpect: [no-stale-writes]',
  });

  it('keeps tokens increasing (durable), and grants nothing for a lease after the restart', async () => {
    const { result, facts, metrics } = await run(crashYaml);
    expect(result.faults[0]!.nodes).toEqual(['lock-1']);
    expect(result.ok).toBe(true);
    expectTokensOnePerGrant(facts, metrics['lock.grants']!);
    expect(metrics['lock.token-max']).toBe(metrics['lock.grants']);
    const before = facts.leases.filter((lease) => lease.grantedUs < 10_500_000);
    const after = facts.leases.filter((lease) => lease.grantedUs >= 13_500_000);
    expect(before.length).toBeGreaterThan(3);
    expect(after.length).toBeGreaterThan(3);
    expect(after[0]!.token).toBe(before[before.length - 1]!.token + 1);
    // The restarted service waits out one lease length (2s) before it grants again.
    expect(after[0]!.grantedUs).toBeGreaterThanOrEqual(15_500_000);
    expect(metrics['writes.stale-accepted']).toBe(0);
  });
});

describe('lock model configuration', () => {
  const problems = async (text: string): Promise<string[]> => {
    try {
      await loadScenario({ file: 'lock.yaml', text, resolveModel });
    } catch (error) {
      if (error instanceof InputError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
      throw error;
    }
    throw new Error('expected the scenario to be rejected');
  };

  it('reports each mistake at its key', async () => {
    const base = 'duration: 10s\nnodes: [lock-1, storage-1, { name: client, count: 2 }]\nsystem:\n  model: lock\n';
    expect(await problems(`${base}  service: lock-1\n  storage: client-1\n  clients: [client-1, client-2]\n  lease-clock: wall\n`)).toEqual([
      'system.storage: node "client-1" is a client: storage must be another node',
      'system.lease-clock: expected one of monotonic, time-of-day, got "wall"',
    ]);
    expect(
      await problems(`${base}  service: lock-1\n  storage: lock-1\n  clients: [lock-1, client-2]\n  lease: 2s\n  renew-before: 2s\n  fencing: maybe\n`),
    ).toEqual([
      'system.storage: node "lock-1" runs the lock service: storage must be another node',
      'system.clients: node "lock-1" runs the lock service: it cannot also be a client',
      'system.renew-before: must be shorter than the lease',
      'system.fencing: expected true or false, got "maybe"',
    ]);
    expect(await problems(`${base}  storage: storage-1\n  clients: [client-9]\n  work: 1\n`)).toEqual([
      'system.service: missing required key `service`',
      'system.clients[0]: unknown node "client-9"',
      'system.work: a duration needs a unit, got 1',
    ]);
  });

  it('exits 2 through the CLI, with file, line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-lock-config-'));
    writeFileSync(
      join(dir, 's.yaml'),
      'duration: 10s\nnodes: [lock-1, storage-1, client-1]\nsystem:\n  model: lock\n  service: lock-1\n  storage: client-1\n  clients: [client-1]\n',
    );
    const result = await runCli(['run', 's.yaml'], fakeIo({ cwd: dir }));
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/s\.yaml:6:12: system\.storage: node "client-1" is a client: storage must be another node/);
  });
});

describe('lock model determinism', () => {
  it('the same seed gives byte-identical JSON; another seed differs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-lock-determinism-'));
    writeFileSync(join(dir, 's.yaml'), lockYaml({ clients: 3, system: handOver, rest: 'faults:\n  - { at: 5s, for: 3s, pause: { role: lock-holder } }' }));
    const json = async (seed: number) => (await runCli(['run', 's.yaml', '--seed', String(seed), '--format', 'json'], fakeIo({ cwd: dir }))).out;
    const first = await json(7);
    expect(first.length).toBeGreaterThan(1000);
    expect(await json(7)).toBe(first);
    expect(await json(8)).not.toBe(first);
  });
});
