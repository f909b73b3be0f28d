// The partition scenarios of replication, end to end: a strict quorum against a sloppy one, and a
// leader cut off in a minority. Each configuration fails the expectations its lesson predicts.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { runScenarioJson } from './run-scenario-json.js';


describe('repl-sloppy-quorum', () => {
  it('strict quorum: writes refused under the partition, reads stay fresh', async () => {
    const strict = await runScenarioJson('repl-sloppy-quorum.yaml');
    expect(strict.code).toBe(1);
    expect(strict.verdict('writes.acknowledged-fraction >= 0.95')).toBe(false);
    expect(strict.metrics['writes.acknowledged-fraction']).toBeLessThan(0.8);
    expect(strict.metrics['ops.unknown']).toBeGreaterThan(100);
    expect(strict.verdict('reads.stale == 0')).toBe(true);
    expect(strict.metrics['writes.hinted']).toBe(0);
    expect(strict.verdict('converged')).toBe(true);
  });

  it('sloppy quorum: every write accepted on stand-ins, stale reads until the hints are handed off', async () => {
    const sloppy = await runScenarioJson('repl-sloppy-quorum.yaml', '--set', 'system.sloppy=true');
    expect(sloppy.code).toBe(1);
    expect(sloppy.verdict('writes.acknowledged-fraction >= 0.95')).toBe(true);
    expect(sloppy.metrics['ops.unknown']).toBe(0);
    expect(sloppy.metrics['writes.hinted']).toBeGreaterThan(200);
    expect(sloppy.verdict('reads.stale == 0')).toBe(false);
    expect(sloppy.metrics['reads.stale']).toBeGreaterThan(3);
    // The handoff brings the home replicas up to date by the end, and loses nothing.
    expect(sloppy.verdict('converged')).toBe(true);
    expect(sloppy.metrics['writes.lost']).toBe(0);
  });

  it('sloppy quorum: the history is not linearizable', async () => {
    const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);
    const text = `${readFileSync('scenarios/repl-sloppy-quorum.yaml', 'utf8')}  - linearizable\n`;
    const scenario = await loadScenario({ file: 'repl-sloppy-quorum.yaml', text, sets: ['system.sloppy=true'], resolveModel });
    const result = runScenario(scenario);
    expect(result.expectations.find((e) => e.expr === 'linearizable')?.observed).toBe('not-linearizable');
  }, 30_000);
});

describe('repl-minority-partition', () => {
  const singleLeaderOf = (run: { document: { expectations: { expr: string; observed: unknown; witness?: unknown }[] } }) =>
    run.document.expectations.find((e) => e.expr === 'single-leader')!;

  it('majority writes and check-quorum: the minority leader acknowledges nothing and steps down, the majority serves', async () => {
    const majority = await runScenarioJson('repl-minority-partition.yaml');
    expect(majority.code).toBe(0);
    expect(majority.metrics['leader.elections']).toBe(1);
    expect(majority.metrics['writes.lost']).toBe(0);
    expect(majority.metrics['reads.stale']).toBe(0);
    // client-1's operations fail at once after db-1 steps down; client-2's succeed on the new leader.
    expect(majority.metrics['ops.failed']).toBeGreaterThan(300);
    expect(majority.metrics['writes.acknowledged-fraction']).toBeGreaterThan(0.7);
    expect(majority.metrics['leader.split-brain-ms']).toBe(0);
    expect(singleLeaderOf(majority).observed).toBe('one leader at a time');
  });

  it('without check-quorum the minority leader believes it leads and serves stale reads, but acknowledges no write', async () => {
    const believing = await runScenarioJson('repl-minority-partition.yaml', '--set', 'system.check-quorum=false');
    expect(believing.code).toBe(1);
    expect(believing.verdict('reads.stale == 0')).toBe(false);
    expect(believing.verdict('single-leader')).toBe(true);
    expect(believing.verdict('no-lost-writes')).toBe(true);
    expect(believing.metrics['leader.split-brain-ms']).toBeGreaterThan(4000);
    expect(believing.metrics['ops.unknown']).toBeGreaterThan(300);
  });

  it('one follower is enough: the minority acknowledges writes that vanish', async () => {
    const early = await runScenarioJson('repl-minority-partition.yaml', '--set', 'system.acks=1');
    expect(early.verdict('no-lost-writes')).toBe(false);
    expect(early.metrics['writes.lost']).toBeGreaterThan(10);
    // ...and without check-quorum for the whole partition, beside the new leader, epochs or not.
    for (const fencing of ['epochs', 'none']) {
      const minority = await runScenarioJson('repl-minority-partition.yaml', '--set', 'system.acks=1', '--set', 'system.check-quorum=false', '--set', `system.fencing=${fencing}`);
      expect(minority.code).toBe(1);
      expect(minority.verdict('single-leader')).toBe(false);
      expect(minority.verdict('no-lost-writes')).toBe(false);
      expect(minority.metrics['writes.lost']).toBeGreaterThan(50);
      const witness = singleLeaderOf(minority).witness as { leaders: { node: string }[] };
      expect(witness.leaders.map((l) => l.node).sort()).toEqual(['db-1', 'db-3']);
    }
  });
});
