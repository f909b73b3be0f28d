// Every replication scenario runs end to end and shows its lesson: the bad configuration fails
// its expectation, the fixed one passes.

import { describe, expect, it } from 'vitest';
import { runScenarioJson } from './run-scenario-json.js';


describe('replication scenarios', () => {
  it('repl-async-failover: async failover loses acknowledged writes; semi-sync and sync do not', async () => {
    const broken = await runScenarioJson('repl-async-failover.yaml');
    expect(broken.code).toBe(1);
    expect(broken.verdict('no-lost-writes')).toBe(false);
    expect(broken.metrics['writes.lost']).toBeGreaterThan(0);
    // The final reads see only some of them: the rest were overwritten by later writes.
    expect(broken.metrics['writes.unreadable']).toBeGreaterThan(0);
    expect(broken.metrics['writes.unreadable']).toBeLessThan(broken.metrics['writes.lost']);
    const witness = broken.document.expectations.find((e: { expr: string }) => e.expr === 'no-lost-writes').witness;
    expect(witness.lostWrites[0].reason).toMatch(/^truncated from db-1's log when db-\d became leader in epoch \d+/);
    expect(broken.metrics['leader.elections']).toBe(1);
    for (const replication of ['semi-sync', 'sync']) {
      const fixed = await runScenarioJson('repl-async-failover.yaml', '--set', `system.replication=${replication}`);
      expect(fixed.code).toBe(0);
      expect(fixed.metrics['writes.lost']).toBe(0);
    }
  });

  it('repl-split-brain: two leaders after the partition heals; epochs fence the old one', async () => {
    const broken = await runScenarioJson('repl-split-brain.yaml');
    expect(broken.verdict('single-leader')).toBe(false);
    expect(broken.verdict('no-lost-writes')).toBe(false);
    expect(broken.metrics['leader.split-brain-ms']).toBeGreaterThan(5000);
    // The violations point at their moments, for the timeline: the split brain starts after the
    // partition (8s), and lost writes were acknowledged during the run.
    const marks = (expr: string) => broken.document.expectations.find((e: { expr: string }) => e.expr === expr).marks;
    expect(marks('single-leader')[0].atMs).toBeGreaterThan(8000);
    // The mark, the witness and the leaders' own acknowledgements tell one story: two spans, both
    // acting as leader (belief) and both acknowledging writes (within it).
    const witness = broken.document.expectations.find((e: { expr: string }) => e.expr === 'single-leader').witness;
    const firstAcks = witness.leaders.map((l: { firstAckMs: number }) => l.firstAckMs);
    const lastAcks = witness.leaders.map((l: { lastAckMs: number }) => l.lastAckMs);
    expect(witness.bothAcknowledgingFromMs).toBe(Math.max(...firstAcks));
    expect(witness.bothAcknowledgingToMs).toBe(Math.min(...lastAcks));
    expect(witness.bothAcknowledgingFromMs).toBeGreaterThanOrEqual(witness.fromMs);
    expect(witness.bothAcknowledgingToMs).toBeLessThanOrEqual(witness.toMs);
    const s = (ms: number) => `${(ms / 1000).toFixed(3)}s`;
    expect(marks('single-leader')[0].label).toBe(
      `db-1 and db-3 both act as leader until ${s(witness.toMs)}; both acknowledge writes ${s(witness.bothAcknowledgingFromMs)}–${s(witness.bothAcknowledgingToMs)}`,
    );
    expect(marks('no-lost-writes').length).toBeGreaterThan(0);
    expect(marks('no-lost-writes')[0].label).toMatch(/acknowledged, later lost \(split-brain\)/);
    // The timeline's failure row counts the kv model's own failures, and only during the
    // partition (8s..14s): compare-and-set mismatches are answers, not failures.
    const timeline = broken.document.timeline;
    expect(timeline.failureMetrics).toEqual(['ops.failed', 'ops.unknown']);
    const bucketMs = timeline.bucketMs;
    const failedAt = timeline.failuresPerBucket.flatMap((count: number, bucket: number) => (count > 0 ? [bucket * bucketMs] : []));
    expect(failedAt.length).toBeGreaterThan(0);
    expect(Math.min(...failedAt)).toBeGreaterThanOrEqual(7_000);
    expect(broken.metrics['ops.cas-mismatch']).toBeGreaterThan(0);
    const fixed = await runScenarioJson('repl-split-brain.yaml', '--set', 'system.fencing=epochs');
    expect(fixed.code).toBe(0);
    expect(fixed.metrics['writes.lost']).toBe(0);
  });

  it('repl-split-brain at every seed: the majority side elects a leader during the partition, and two lead after it', async () => {
    // The replica that refused a less up-to-date candidate stands above that candidate's epoch
    // (before: in the same one, where the other had voted for itself, so the vote split every time).
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const run = await runScenarioJson('repl-split-brain.yaml', '--seed', String(seed));
      expect(run.metrics['leader.elections'], `seed ${seed}`).toBe(1);
      expect(run.verdict('single-leader'), `seed ${seed}`).toBe(false);
    }
  });

  it('repl-paused-leader: a paused leader wakes up and leads beside its successor unless fenced', async () => {
    const broken = await runScenarioJson('repl-paused-leader.yaml');
    expect(broken.code).toBe(1);
    const witness = broken.document.expectations[0].witness;
    expect(witness.leaders.map((l: { node: string }) => l.node).sort()).toEqual(['db-1', 'db-2']);
    const fixed = await runScenarioJson('repl-paused-leader.yaml', '--set', 'system.fencing=epochs');
    expect(fixed.code).toBe(0);
    expect(fixed.metrics['leader.split-brain-ms']).toBeLessThan(10);
  });

  it('repl-read-your-writes: reads from async followers are stale; reads from the leader are not', async () => {
    const broken = await runScenarioJson('repl-read-your-writes.yaml');
    expect(broken.code).toBe(1);
    expect(broken.metrics['reads.stale']).toBeGreaterThan(20);
    const fixed = await runScenarioJson('repl-read-your-writes.yaml', '--set', 'system.reads=leader');
    expect(fixed.code).toBe(0);
    expect(fixed.metrics['reads.stale']).toBe(0);
  });
});
