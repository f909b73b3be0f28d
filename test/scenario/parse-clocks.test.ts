// `clocks:` and clock faults as the loader reads them: values per node, and every problem located
// with a hint.

import { describe, expect, it } from 'vitest';
import { load, minimal, problemsOf, where } from './scenario-test-helpers.js';

const brief = (problems: readonly { message: string; hint?: string; path: string; file: string; line: number; column: number }[]) =>
  problems.map((p) => [where(p), p.message, p.hint ?? '']);

describe('clocks:', () => {
  it('is perfect by default, and resolves drift, offset and sync per node (globs, later entries win)', async () => {
    expect((await load(minimal())).clocks.sync).toBeNull();
    const scenario = await load(minimal(
      'clocks:\n  drift: { dist: uniform, min: -200ppm, max: 200ppm }\n  sync: { every: 30s, error: { dist: normal, mean: 0ms, stddev: 5ms }, mode: slew }\n  nodes:\n    "server-*": { drift: 500ppm }\n    server-2: { offset: -3ms, sync: off }',
    ));
    const [client, server1, server2] = scenario.clocks.nodes;
    expect(client).toEqual({ drift: { kind: 'uniform', minPpm: -200, maxPpm: 200 }, offsetUs: 0, syncs: true });
    expect(server1).toEqual({ drift: { kind: 'constant', ppm: 500 }, offsetUs: 0, syncs: true });
    expect(server2).toEqual({ drift: { kind: 'constant', ppm: 500 }, offsetUs: -3000, syncs: false });
    expect(scenario.clocks.sync).toEqual({ everyUs: 30_000_000, error: { kind: 'normal', meanUs: 0, stddevUs: 5000 }, mode: 'slew', maxSlewPpm: 500 });
  });

  it('locates a drift without its unit, a bad mode, a glob matching nothing and an unknown key', async () => {
    const problems = await problemsOf(minimal('clocks:\n  drift: 200\n  sync: { every: 30s, mode: jump }\n  nodes: { "db-*": { drift: 1ppm } }\n  skew: 3ms'));
    expect(brief(problems)).toEqual([
      ['test.yaml:12:10 clocks.drift', 'a drift needs its unit, got 200', 'write it in parts per million, e.g. 200ppm'],
      ['test.yaml:13:29 clocks.sync.mode', 'expected one of step, slew, got "jump"', ''],
      ['test.yaml:14:20 clocks.nodes.db-*', 'matches no node', 'nodes: client, server-1, server-2'],
      ['test.yaml:15:3 clocks.skew', 'unknown key `skew`', expect.any(String)],
    ]);
  });
});

describe('clock faults', () => {
  it('read offset, jump, drift and sync off, with labels', async () => {
    const scenario = await load(minimal(
      'faults:\n  - { at: 0s, clock: server-1, offset: -100ms }\n  - { at: 1s, clock: "server-*", jump: 30s }\n  - { at: 2s, for: 5s, clock: client, drift: 1000ppm }\n  - { at: 3s, for: 5s, clock: server-2, sync: off }',
    ));
    expect(scenario.faults.map((f) => f.label)).toEqual([
      'clock server-1 offset -100ms',
      'clock server-* jumps +30s',
      'clock client drift 1000ppm',
      'clock server-2 sync off',
    ]);
  });

  it('need exactly one change, and a step that changes something', async () => {
    const problems = await problemsOf(minimal('faults:\n  - { at: 0s, clock: server-1 }\n  - { at: 0s, clock: server-1, jump: 1s, drift: 5ppm }\n  - { at: 0s, clock: server-1, offset: 0ms }\n  - { at: 0s, crash: server-1, drift: 5ppm }'));
    expect(brief(problems).map(([at, message]) => [at, message])).toEqual([
      ['test.yaml:12:22 faults[0].clock', 'a clock fault needs one of offset, jump, drift or sync'],
      ['test.yaml:13:22 faults[1].clock', 'a clock fault takes one of jump, drift, not several'],
      ['test.yaml:14:40 faults[2].offset', 'a clock step of 0 changes nothing'],
      ['test.yaml:15:39 faults[3].drift', '`drift` applies only to clock'],
    ]);
  });
});
