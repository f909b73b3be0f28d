// Last-write-wins in the leaderless model (`conflict: lww`): the merge order on explicit
// timestamps, a replica that keeps the later stamp and still acknowledges the loser, perfect clocks
// dropping nothing, and skewed clocks (`clock:` faults, in real runs) dropping exactly the writes
// an independent reading of the history says they must.

import { describe, expect, it } from 'vitest';
import type { HistoryOperation, NodeContext } from '../../src/model/api.js';
import { compareStamped, newest, supersedes } from '../../src/models/leaderless/conflict.js';
import { leaderlessModel } from '../../src/models/leaderless/index.js';
import type { Versioned } from '../../src/models/leaderless/messages.js';
import type { NodeState } from '../../src/models/leaderless/node-state.js';
import { onWrite } from '../../src/models/leaderless/replica.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { resolverWith, wrapModel } from '../builders/wrapped-model.js';
import { runCli } from '../cli/fake-io.js';

const stamped = (value: number, version: number, timestampUs: number, writer: string): Versioned => ({ value, version, stamp: { timestampUs, writer } });

describe('the last-write-wins order', () => {
  it('the higher timestamp wins, whatever the versions say', () => {
    const early = stamped(1, 9 * 4096, 1_000, 'client-1');
    const late = stamped(2, 1 * 4096, 1_001, 'client-2');
    expect(supersedes('lww', late, early)).toBe(true);
    expect(supersedes('lww', early, late)).toBe(false);
    // ...while versions ignore the stamps.
    expect(supersedes('versions', early, late)).toBe(true);
    expect(newest('lww', [null, early, late, null])).toBe(late);
  });

  it('equal timestamps: the writer named later wins, then the higher version; a write never supersedes itself', () => {
    const a = stamped(1, 5, 1_000, 'client-a');
    const b = stamped(2, 4, 1_000, 'client-b');
    expect(supersedes('lww', b, a)).toBe(true);
    expect(supersedes('lww', a, b)).toBe(false);
    const again = stamped(3, 6, 1_000, 'client-a');
    expect(supersedes('lww', again, a)).toBe(true);
    expect(supersedes('lww', a, a)).toBe(false);
    expect(compareStamped(a, a)).toBe(0);
  });
});

describe('a last-write-wins replica', () => {
  /** A replica's state with only what onWrite touches, and the messages it sends. */
  const replica = () => {
    const sent: { to: string; message: unknown }[] = [];
    const ctx = { send: (to: string, message: unknown) => sent.push({ to, message }) } as unknown as NodeContext;
    const state = { ctx, me: 'replica-1', config: { conflict: 'lww' }, store: new Map(), hints: new Map() } as unknown as NodeState;
    return { state, sent };
  };

  it('keeps the later stamp in either arrival order, and acknowledges the write that lost', () => {
    const older = stamped(1, 2 * 4096, 5_000, 'client-2'); // a clock behind: stamped earlier, though written later
    const newer = stamped(2, 1 * 4096, 7_000, 'client-1');
    for (const order of [[newer, older], [older, newer]]) {
      const { state, sent } = replica();
      order.forEach((item, i) => onWrite(state, 'coordinator', { kind: 'll.write', id: i + 1, key: 'x', item, hintFor: null }));
      expect(state.store.get('x')).toBe(newer);
      expect(sent.map((s) => s.message)).toEqual([{ kind: 'll.write-ack', id: 1 }, { kind: 'll.write-ack', id: 2 }]);
    }
  });
});

describe('leaderless configuration', () => {
  const load = (system: string) =>
    loadScenario({
      file: 'test.yaml',
      text: `
duration: 1s
nodes: [ { name: client }, { name: replica, count: 3 } ]
system: { model: leaderless, replicas: [replica-1, replica-2, replica-3], ${system} }
workload: { kind: kv, clients: [client], rate: 10/s }
`,
      sets: [],
      resolveModel: resolverWith(leaderlessModel),
    });

  it('refuses an unknown conflict mode or timestamp source at the key; timestamps are accepted (unused) under versions', async () => {
    await expect(load('conflict: newest')).rejects.toThrow(/system\.conflict/);
    await expect(load('conflict: lww, timestamps: server')).rejects.toThrow(/system\.timestamps/);
    // So that --set system.conflict=versions compares an lww scenario without editing it.
    const scenario = await load('conflict: versions, timestamps: client');
    expect(scenario.system.config).toMatchObject({ conflict: 'versions', timestamps: 'client' });
    expect((await load('')).system.config).toMatchObject({ conflict: 'versions', timestamps: 'coordinator' });
  });
});

/** Three clients write one key through coordinators the clients pick; a standing clock offset per node. */
const lwwScenario = (timestamps: 'client' | 'coordinator', offsetsUs: Record<string, number>, extra = '') => `
seed: 4
duration: 30s
nodes: [ { name: client, count: 3 }, { name: replica, count: 3 } ]
network: { latency: { dist: exponential, mean: 500us } }
system: { model: wrapped, replicas: [replica-1, replica-2, replica-3], conflict: lww, timestamps: ${timestamps} ${extra} }
workload: { kind: kv, clients: ["client-*"], keys: 1, mix: { read: 0.3, write: 0.7 }, rate: 150/s, timeout: 500ms }
faults: [ ${Object.entries(offsetsUs).map(([node, offsetUs]) => `{ at: 0s, clock: ${node}, offset: ${offsetUs}us }`).join(', ')} ]
final: { quiet: 1s }
expect: [ no-lost-writes, converged ]
`;

interface Write {
  readonly client: string;
  readonly value: number;
  readonly invokeUs: number;
  readonly okUs: number;
}

/** Runs the scenario, with its history watched (true times of invocation and acknowledgement). */
async function runWatched(text: string) {
  const open = new Map<string, { value: number; invokeUs: number }>();
  const writes: Write[] = [];
  const onHistory = (node: string, op: HistoryOperation, trueUs: number) => {
    if (op.f !== 'write') return;
    if (op.type === 'invoke') open.set(`${node}/${op.process}`, { value: op.value as number, invokeUs: trueUs });
    else if (op.type === 'ok') writes.push({ client: node, ...open.get(`${node}/${op.process}`)!, okUs: trueUs });
  };
  const model = wrapModel(leaderlessModel, { onHistory });
  const result = await runScenario(await loadScenario({ file: 'test.yaml', text, sets: [], resolveModel: resolverWith(model) }));
  return { result, writes };
}

/**
 * Client timestamps, from the history alone: a write's timestamp is its client's clock at
 * invocation (true time plus the client's offset). An acknowledged write is dropped when a write
 * acknowledged before it was invoked carries a later stamp (equal stamps: the later client name).
 */
function expectedDrops(writes: readonly Write[], offsetsUs: Record<string, number>): number[] {
  const stamp = (w: Write) => w.invokeUs + (offsetsUs[w.client] ?? 0);
  const beats = (a: Write, b: Write) => stamp(a) > stamp(b) || (stamp(a) === stamp(b) && a.client > b.client);
  return writes.filter((w) => writes.some((earlier) => earlier.okUs < w.invokeUs && beats(earlier, w))).map((w) => w.value).sort((a, b) => a - b);
}

describe('last-write-wins in real runs', () => {
  it('with perfect clocks drops nothing, with client or coordinator timestamps', async () => {
    for (const timestamps of ['client', 'coordinator'] as const) {
      const { result } = await runWatched(lwwScenario(timestamps, {}));
      expect(result.metrics['writes.acknowledged']).toBeGreaterThan(2500);
      expect(result.metrics['writes.lww-dropped']).toBe(0);
      expect(result.metrics['writes.lost']).toBe(0);
      expect(result.metrics['reads.stale']).toBe(0);
      expect(result.ok).toBe(true);
    }
  });

  it("a client whose clock is 3ms behind loses exactly the writes it makes within 3ms of another's, though acknowledged", async () => {
    const offsets = { 'client-2': -3_000 };
    const { result, writes } = await runWatched(lwwScenario('client', offsets));
    const expected = expectedDrops(writes, offsets);
    expect(expected.length).toBeGreaterThan(10);
    expect(result.metrics['writes.lww-dropped']).toBe(expected.length);
    expect(result.metrics['writes.lost']).toBe(expected.length);
    const check = result.expectations.find((e) => e.expr === 'no-lost-writes')!;
    expect(check.ok).toBe(false);
    const witness = check.witness as { lostWrites: { value: number; reason: string }[] };
    expect(witness.lostWrites.map((lost) => lost.value)).toEqual(expected.slice(0, 20));
    expect(witness.lostWrites[0]!.reason).toMatch(/^lww: lost to write \d+ \(acknowledged [\d.]+(us|ms) before this one was invoked\), stamped later by [\d.]+(us|ms) \(client-[13]'s clock against client-2's\)$/);
    // Every dropped write is client-2's: only its clock is behind.
    const byValue = new Map(writes.map((w) => [w.value, w.client]));
    expect(new Set(expected.map((value) => byValue.get(value)))).toEqual(new Set(['client-2']));
  });

  it('a sweep over the offset δ shows the step: exactly the writes stamped within δ of an earlier acknowledged one are dropped, more as δ grows', async () => {
    const counts: number[] = [];
    for (const deltaUs of [250, 1_000, 4_000, 8_000]) {
      const offsets = { 'client-2': -deltaUs };
      const { result, writes } = await runWatched(lwwScenario('client', offsets));
      const expected = expectedDrops(writes, offsets);
      expect(result.metrics['writes.lww-dropped'], `δ = ${deltaUs}us`).toBe(expected.length);
      // Each dropped write came less than δ (in true time) after the write that beat it was invoked.
      const dropped = new Set(expected);
      for (const w of writes.filter((x) => dropped.has(x.value))) {
        const beaters = writes.filter((e) => e.okUs < w.invokeUs && e.invokeUs > w.invokeUs - deltaUs);
        expect(beaters.length, `write ${w.value} at δ = ${deltaUs}us`).toBeGreaterThan(0);
      }
      counts.push(expected.length);
    }
    for (let i = 1; i < counts.length; i++) expect(counts[i]!).toBeGreaterThanOrEqual(counts[i - 1]!);
    expect(counts[counts.length - 1]!).toBeGreaterThan(counts[0]! + 10);
  });

  it('coordinator timestamps: one coordinator with a skewed clock orders writes by its own clock and drops nothing; a skewed replica among several does', async () => {
    const single = await runWatched(lwwScenario('coordinator', { 'replica-1': -3_000 }, ', coordinator: replica-1'));
    expect(single.result.metrics['writes.lww-dropped']).toBe(0);
    const picked = await runWatched(lwwScenario('coordinator', { 'replica-2': -3_000 }));
    expect(picked.result.metrics['writes.lww-dropped']).toBeGreaterThan(10);
    expect(picked.result.metrics['writes.lost']).toBe(picked.result.metrics['writes.lww-dropped']);
  });
});

describe('--format json', () => {
  it('carries writes.lww-dropped and writes.unreadable, with their units', async () => {
    const result = await runCli(['run', 'scenarios/repl-sloppy-quorum.yaml', '--set', 'system.conflict=lww', '--format', 'json']);
    expect(result.err).toBe('');
    const document = JSON.parse(result.out);
    expect(document.metrics['writes.lww-dropped']).toBe(0);
    expect(document.metrics['writes.unreadable']).toBe(0);
    expect(document.metricUnits['writes.lww-dropped']).toBe('count');
    expect(document.metricUnits['writes.unreadable']).toBe('count');
  });
});
