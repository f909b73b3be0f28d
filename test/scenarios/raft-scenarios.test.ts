// The raft scenarios run end to end and show what their LESSON headers claim, at their seeds:
// the leader replaced within a few hundred ms (raft-leader-crash); split votes for tens of seconds
// without randomness (raft-no-randomness); a leader cut off in a minority commits nothing and
// steps down after the heal (raft-minority-leader); one broken link makes the cluster elect again
// and again unless pre-vote and check-quorum are on (raft-partial-partition); slow disks fail
// both latency expectations and never safety (raft-disk-latency).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRaft } from '../models/raft/raft-run.js';
import { runScenarioJson } from './run-scenario-json.js';

const scenarioText = (name: string): string => readFileSync(new URL(`../../scenarios/${name}`, import.meta.url), 'utf8');

describe('raft scenarios', () => {
  it('raft-leader-crash: every expectation holds; elections of 75ms to a few hundred, almost no split votes', async () => {
    const run = await runScenarioJson('raft-leader-crash.yaml');
    expect(run.code).toBe(0);
    expect(run.metrics['leader.elections']).toBeGreaterThanOrEqual(12);
    expect(run.metrics['leader.election-time.p50']).toBeGreaterThan(75);
    expect(run.metrics['leader.election-time.p50']).toBeLessThan(250);
    expect(run.metrics['leader.election-time.max']).toBeLessThan(400);
    expect(run.metrics['raft.split-votes']).toBeLessThanOrEqual(2);
  });

  it('raft-no-randomness: hundreds of split-vote terms, elections of tens of seconds (the first too); 5ms of randomness: a few hundred ms', async () => {
    const run = await runRaft(scenarioText('raft-no-randomness.yaml'));
    expect(run.result.expectations.map((e) => [e.expr, e.ok])).toEqual([
      ['leader.election-time.p50 > 10s', true],
      ['raft.split-votes > 100', true],
      ['election-safety', true],
      ['state-machine-safety', true],
    ]);
    expect(run.metrics['raft.terms']).toBeGreaterThan(300);
    expect(run.metrics['raft.split-votes']! / run.metrics['raft.terms']!).toBeGreaterThan(0.95);
    expect(run.facts.leadersElected[0]!.atUs).toBeGreaterThan(10_000_000);
    // With no leader at the end, the final reads fail: the writes nobody could read back count as lost.
    expect(run.metrics['writes.lost']).toBeGreaterThan(0);
    const randomized = await runRaft(scenarioText('raft-no-randomness.yaml'), { sets: ['system.election-timeout.max=155ms'] });
    expect(randomized.metrics['leader.election-time.p50']).toBeLessThan(500);
    expect(randomized.metrics['leader.elections']).toBeGreaterThan(20);
  });

  it('raft-minority-leader: the majority elects, the old leader commits nothing, steps down at the heal, and every check holds', async () => {
    const run = await runRaft(scenarioText('raft-minority-leader.yaml'), { watch: true });
    expect(run.result.ok).toBe(true);
    const [old, successor] = run.facts.leadersElected;
    expect(run.facts.leadersElected).toHaveLength(2);
    expect(successor!.node).not.toBe(old!.node);
    expect(successor!.atUs).toBeGreaterThan(5_150_000); // at least an election timeout after the cut
    expect(successor!.atUs).toBeLessThan(5_700_000);
    // Nothing the old leader appended in its term after the cut was ever applied anywhere.
    const appliedOldLate = run.facts.applied.filter((entry) => entry.term === old!.term && entry.atUs > 5_050_000 && entry.atUs < 10_000_000 && entry.node === old!.node);
    expect(appliedOldLate).toEqual([]);
    expect(run.metrics['raft.entries-truncated']).toBeGreaterThan(0);
    // After the heal (10s) the old leader sends no AppendEntries: its first one was answered with the newer term.
    expect(run.deliveries.filter((d) => d.from === old!.node && d.message.kind === 'raft.append-entries' && d.trueUs > 10_010_000)).toEqual([]);
    expect(run.deliveries.some((d) => d.node === old!.node && d.from === successor!.node && d.message.kind === 'raft.append-entries' && d.trueUs < 10_020_000)).toBe(true);
    expect(run.metrics['ops.unknown']).toBeGreaterThan(0); // clients saw timeouts, never a wrong answer
  });

  it('raft-minority-leader with check-quorum: the old leader climbs past 20 terms and deposes the new one; pre-vote stops it', async () => {
    const checkQuorum = await runScenarioJson('raft-minority-leader.yaml', '--set', 'system.check-quorum=true');
    expect(checkQuorum.code).toBe(1);
    expect(checkQuorum.metrics['raft.terms']).toBeGreaterThan(20);
    expect(checkQuorum.metrics['leader.elections']).toBe(3);
    expect(checkQuorum.verdict('linearizable')).toBe(true);
    const both = await runScenarioJson('raft-minority-leader.yaml', '--set', 'system.check-quorum=true', '--set', 'system.pre-vote=true');
    expect(both.code).toBe(0);
    expect([both.metrics['raft.terms'], both.metrics['leader.elections']]).toEqual([2, 2]);
  });

  it('raft-partial-partition: re-elections at seed 3 (only leader.elections == 1 fails); pre-vote + check-quorum: one; check-quorum alone: terms climb', async () => {
    const broken = await runScenarioJson('raft-partial-partition.yaml');
    expect(broken.code).toBe(1);
    expect(broken.document.expectations.filter((e: { ok: boolean }) => !e.ok).map((e: { expr: string }) => e.expr)).toEqual(['leader.elections == 1']);
    expect(broken.metrics['leader.elections']).toBeGreaterThanOrEqual(5);
    expect(broken.metrics['leader.unavailable-ms']).toBeGreaterThan(500);
    const fixed = await runScenarioJson('raft-partial-partition.yaml', '--set', 'system.pre-vote=true', '--set', 'system.check-quorum=true');
    expect(fixed.code).toBe(0);
    expect(fixed.metrics['leader.elections']).toBe(1);
    const checkQuorumOnly = await runScenarioJson('raft-partial-partition.yaml', '--set', 'system.check-quorum=true');
    expect(checkQuorumOnly.metrics['raft.terms']).toBeGreaterThan(30);
    expect(checkQuorumOnly.metrics['leader.elections']).toBe(2);
  });

  it('raft-disk-latency: both latency expectations fail at seed 3, safety holds; with 1ms disks everything holds', async () => {
    const slow = await runScenarioJson('raft-disk-latency.yaml');
    expect(slow.code).toBe(1);
    expect(slow.document.expectations.filter((e: { ok: boolean }) => !e.ok).map((e: { expr: string }) => e.expr)).toEqual(['raft.commit-latency.p99 < 100ms', 'leader.election-time.p90 < 300ms']);
    expect(slow.metrics['raft.split-votes']).toBeGreaterThanOrEqual(3);
    expect(slow.metrics['leader.election-time.max']).toBeGreaterThan(700);
    // The commit median is many times the 10ms median write.
    expect(slow.metrics['raft.commit-latency.p50']).toBeGreaterThan(40);
    const fast = await runScenarioJson('raft-disk-latency.yaml', '--set', 'system.disk-write=1ms');
    expect(fast.code).toBe(0);
    expect(fast.metrics['raft.commit-latency.p50']).toBeLessThan(5);
  });
});
