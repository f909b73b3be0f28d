// Network and fault semantics, observed through a probe model that uses only the public API.

import { describe, expect, it } from 'vitest';
import { ScenarioRun } from '../../src/run/run-scenario.js';
import type { LinkChangeAction } from '../../src/faults/kinds/link-change.js';
import type { LinkParameters } from '../../src/network/topology-spec.js';
import type { FaultAction, NetworkSpec, Scenario } from '../../src/scenario/types.js';
import { probeModel, type ProbeLog } from '../builders/probe-model.js';
import { buildScenario, constantUs } from '../builders/scenario.js';

/** A loss / delay / duplicate fault on a -> b. */
function linkChange(parameters: Partial<LinkParameters>): LinkChangeAction {
  const none: LinkParameters = { latency: null, extraDelay: null, lossProbability: null, duplicateProbability: null };
  return { kind: 'link', links: [{ from: 'a', to: 'b' }], node: null, parameters: { ...none, ...parameters } };
}

const nodes = [
  { name: 'a', region: null },
  { name: 'b', region: null },
];

function run(options: { faults?: { atUs: number; forUs: number | null; action: FaultAction }[]; network?: Partial<NetworkSpec> } = {}) {
  const log: ProbeLog = { events: [] };
  const model = { ...probeModel, createShared: () => log };
  const scenario: Scenario = buildScenario({
    nodes,
    model,
    config: { intervalUs: 100_000, from: 'a', to: 'b' },
    durationUs: 2_000_000,
    network: { latency: constantUs(1000), lossProbability: 0, duplicateProbability: 0, links: [], ...options.network },
    faults: (options.faults ?? []).map((fault) => ({ ...fault, label: fault.action.kind })),
  });
  const result = new ScenarioRun(scenario).result();
  const pings = log.events.filter((e) => e.kind === 'ping').map((e) => e.n);
  const echoes = log.events.filter((e) => e.kind === 'echo').map((e) => e.n);
  const refused = log.events.filter((e) => e.kind === 'refused');
  return { log, result, pings, echoes, refused };
}

describe('network', () => {
  it('delivers with the link latency and counts messages', () => {
    const { log, result } = run();
    expect(log.events[0]).toEqual({ kind: 'ping', n: 0, atUs: 1000, node: 'b' });
    expect(log.events[1]).toEqual({ kind: 'echo', n: 0, atUs: 2000, node: 'a' });
    expect(result.metrics['messages.sent']).toBe(40);
    expect(result.metrics['messages.delivered']).toBe(40);
  });

  it('duplicates with probability 1 deliver every message twice', () => {
    const { pings, result } = run({ network: { duplicateProbability: 1 } });
    expect(pings.filter((n) => n === 3)).toHaveLength(2);
    expect(result.metrics['messages.duplicated']).toBeGreaterThan(0);
  });

  it('per-link overrides apply in one direction only', () => {
    const { pings, echoes } = run({
      network: { links: [{ links: [{ from: 'b', to: 'a' }], latency: null, extraDelay: null, lossProbability: 1, duplicateProbability: null }] },
    });
    expect(pings).toHaveLength(20);
    expect(echoes).toHaveLength(0);
  });
});

describe('random streams of links', () => {
  it('a link draws the same delays whatever other nodes exist and in what order', () => {
    const arrivals = (names: string[]) => {
      const log: ProbeLog = { events: [] };
      const model = { ...probeModel, createShared: () => log };
      new ScenarioRun(
        buildScenario({
          nodes: names.map((name) => ({ name, region: null })),
          model,
          config: { intervalUs: 100_000, from: 'a', to: 'b' },
          durationUs: 2_000_000,
          network: { latency: { kind: 'exponential', meanUs: 5000 }, lossProbability: 0.2, duplicateProbability: 0, links: [] },
        }),
      ).result();
      return log.events.map((e) => [e.kind, e.n, e.atUs]);
    };
    const base = arrivals(['a', 'b']);
    expect(base.length).toBeGreaterThan(10);
    expect(arrivals(['c', 'b', 'd', 'a'])).toEqual(base);
  });
});

describe('faults', () => {
  it('a partition drops messages both ways while active, then heals', () => {
    const { pings, result } = run({ faults: [{ atUs: 450_000, forUs: 500_000, action: { kind: 'partition', groups: [['a'], ['b']] } }] });
    expect(pings).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(result.metrics['messages.unreachable']).toBe(5);
    expect(result.timeline.lanes[0]!.states).toContain('cut');
  });

  it('a one-way cut lets requests through and drops the answers', () => {
    const { pings, echoes } = run({ faults: [{ atUs: 0, forUs: null, action: { kind: 'cut', links: [{ from: 'b', to: 'a' }] } }] });
    expect(pings).toHaveLength(20);
    expect(echoes).toHaveLength(0);
  });

  it('a refusing crash answers "connection refused" one round trip later; a silent one says nothing', () => {
    const refusing = run({ faults: [{ atUs: 450_000, forUs: 200_000, action: { kind: 'crash', nodes: ['b'], mode: 'refuse' } }] });
    expect(refusing.refused.map((e) => e.n)).toEqual([5, 6]);
    expect(refusing.refused[0]!.atUs).toBe(500_000 + 2000);
    expect(refusing.pings).toContain(7);
    const silent = run({ faults: [{ atUs: 450_000, forUs: 200_000, action: { kind: 'crash', nodes: ['b'], mode: 'silent' } }] });
    expect(silent.refused).toHaveLength(0);
    expect(silent.pings).not.toContain(5);
  });

  it('a paused node receives nothing while paused, then everything at once, in order', () => {
    const { log } = run({ faults: [{ atUs: 450_000, forUs: 300_000, action: { kind: 'pause', nodes: ['b'] } }] });
    const late = log.events.filter((e) => e.kind === 'ping' && e.n >= 5 && e.n <= 7);
    expect(late.map((e) => [e.n, e.atUs])).toEqual([
      [5, 750_000],
      [6, 750_000],
      [7, 750_000],
    ]);
  });

  it('a crash loses volatile state and timers; a paused node keeps them', () => {
    // a's ping timer dies with it: after a crash and restart, a starts counting from 0 again.
    const crashed = run({ faults: [{ atUs: 450_000, forUs: 100_000, action: { kind: 'crash', nodes: ['a'], mode: 'refuse' } }] });
    expect(crashed.pings.slice(0, 8)).toEqual([0, 1, 2, 3, 4, 0, 1, 2]);
    const paused = run({ faults: [{ atUs: 450_000, forUs: 100_000, action: { kind: 'pause', nodes: ['a'] } }] });
    expect(paused.pings.slice(0, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('loss and delay on a link apply only while the fault lasts', () => {
    const lossy = run({
      faults: [
        {
          atUs: 450_000,
          forUs: 500_000,
          action: linkChange({ lossProbability: 1 }),
        },
      ],
    });
    expect(lossy.pings).toEqual([0, 1, 2, 3, 4, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    const slow = run({
      faults: [
        {
          atUs: 450_000,
          forUs: 100_000,
          action: linkChange({ extraDelay: constantUs(30_000) }),
        },
      ],
    });
    expect(slow.log.events.find((e) => e.kind === 'ping' && e.n === 5)!.atUs).toBe(500_000 + 31_000);
    expect(slow.log.events.find((e) => e.kind === 'ping' && e.n === 6)!.atUs).toBe(601_000);
  });

  it('records every fault and its revert with times', () => {
    const { result } = run({ faults: [{ atUs: 450_000, forUs: 100_000, action: { kind: 'pause', nodes: ['b'] } }] });
    expect(result.faults.map((f) => [f.atUs, f.revert])).toEqual([
      [450_000, false],
      [550_000, true],
    ]);
    expect(result.metrics['faults.injected']).toBe(1);
  });
});
