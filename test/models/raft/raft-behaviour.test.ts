// The raft model's behaviour through real runs: a leader is elected and serves writes; the
// up-to-date rule keeps a server with a shorter log from winning; entries a leader could store
// only on a minority are never committed; a retried write takes effect once; term and vote
// survive a crash, so a restarted server never votes twice in a term. Each is checked from
// outside the model (the messages delivered, the history, the facts it recorded).

import { describe, expect, it } from 'vitest';
import { raftYaml, runRaft, type Delivery } from './raft-run.js';

/** The votes granted, per (voter, term): a server must grant at most one candidate per term. */
function grantsPerVoterAndTerm(deliveries: readonly Delivery[]): Map<string, Set<string>> {
  const grants = new Map<string, Set<string>>();
  for (const { node, from, message } of deliveries) {
    if (message.kind !== 'raft.vote' || !message.granted || message.preVote) continue;
    const key = `${from} ${message.forTerm}`;
    if (!grants.has(key)) grants.set(key, new Set());
    grants.get(key)!.add(node);
  }
  return grants;
}

describe('raft: a leader is elected and serves writes', () => {
  it('one election, every write acknowledged, applied in the same order on all five servers', async () => {
    const run = await runRaft(raftYaml({ duration: '3s', rest: 'final: { quiet: 1s }\nexpect: [linearizable, no-lost-writes, converged, election-safety, state-machine-safety]' }));
    expect(run.result.ok).toBe(true);
    expect(run.metrics['leader.elections']).toBe(1);
    expect(run.facts.leadersElected).toHaveLength(1);
    // The first election completes within about one maximum timeout plus a vote round.
    expect(run.facts.leadersElected[0]!.atUs).toBeLessThan(400_000);
    // Writes issued before there is a leader fail (redirects exhausted); every later one is acknowledged.
    const electedUs = run.facts.leadersElected[0]!.atUs;
    const later = new Set(run.history.filter(({ operation, trueUs }) => operation.type === 'invoke' && trueUs > electedUs).map(({ operation }) => operation.process));
    const writes = run.history.filter(({ operation }) => operation.f === 'write' && later.has(operation.process));
    const acknowledged = writes.filter(({ operation }) => operation.type === 'ok').length;
    expect(acknowledged).toBeGreaterThan(50);
    expect(acknowledged).toBe(writes.filter(({ operation }) => operation.type === 'invoke').length);
    // Every server applied the same commands at the same indexes.
    const byServer = new Map<string, string[]>();
    for (const entry of run.facts.applied) {
      const list = byServer.get(entry.node) ?? [];
      list[entry.index - 1] = entry.command;
      byServer.set(entry.node, list);
    }
    expect(byServer.size).toBe(5);
    // (A follower learns the last commit index with the next heartbeat: its list may be shorter.)
    const logs = [...byServer.values()].sort((a, b) => b.length - a.length);
    expect(logs[4]!.length).toBeGreaterThan(50);
    for (const log of logs) expect(log).toEqual(logs[0]!.slice(0, log.length));
    expect(logs[0]![0]).toBe('noop');
  });
});

describe('raft: the up-to-date rule', () => {
  it('a server that missed writes stands for election after the leader crashes, is refused, and never wins', async () => {
    let stoodAndRefused = 0;
    for (const seed of [1, 2, 3, 4]) {
      // raft-5 is down from 1s to 3s while the others take writes; at 3s it is back and the leader crashes.
      const first = await runRaft(raftYaml({ seed, duration: '1s' }));
      const firstLeader = first.facts.leadersElected[0]!.node;
      const stale = firstLeader === 'raft-5' ? 'raft-4' : 'raft-5';
      const run = await runRaft(
        raftYaml({
          seed,
          duration: '6s',
          workload: 'rate: 100/s\nmix: { read: 0.2, write: 0.8 }',
          rest: `faults:\n  - { at: 1s, crash: ${stale} }\n  - { at: 3s, restart: ${stale} }\n  - { at: 3s, crash: ${firstLeader} }\nexpect: [election-safety, state-machine-safety, linearizable]`,
        }),
        { watch: true },
      );
      expect(run.result.ok).toBe(true);
      expect(run.facts.leadersElected[0]!.node).toBe(firstLeader);
      const later = run.facts.leadersElected.filter((elected) => elected.atUs > 3_000_000);
      expect(later.length).toBeGreaterThan(0);
      expect(later.map((elected) => elected.node)).not.toContain(stale);
      // Its RequestVotes after the restart carry a shorter log than every voter's, and are refused.
      const asked = run.deliveries.filter((d) => d.from === stale && d.message.kind === 'raft.request-vote' && !d.message.preVote && d.trueUs > 3_000_000);
      const answers = run.deliveries.filter((d) => d.node === stale && d.message.kind === 'raft.vote' && d.trueUs > 3_000_000);
      if (asked.length > 0) {
        stoodAndRefused++;
        const lastLogIndexAsked = Math.max(...asked.map((d) => d.message.lastLogIndex));
        const writesBefore = run.history.filter(({ operation, trueUs }) => operation.f === 'write' && operation.type === 'ok' && trueUs < 3_000_000 && trueUs > 1_100_000);
        expect(writesBefore.length).toBeGreaterThan(50);
        expect(lastLogIndexAsked).toBeLessThan(writesBefore.length);
        for (const answer of answers.filter((a) => asked.some((d) => d.message.term === a.message.forTerm))) expect(answer.message.granted).toBe(false);
      }
    }
    // The check above is vacuous unless the stale server stood at some seed: it did.
    expect(stoodAndRefused).toBeGreaterThan(0);
  });
});

describe('raft: commit only on a majority', () => {
  it('a leader cut off with one follower (2 of 5) commits none of the entries it appends meanwhile', async () => {
    const first = await runRaft(raftYaml({ duration: '1s' }));
    const leader = first.facts.leadersElected[0]!.node;
    const companion = ['raft-1', 'raft-2'].find((server) => server !== leader)!;
    const others = ['raft-1', 'raft-2', 'raft-3', 'raft-4', 'raft-5'].filter((server) => server !== leader && server !== companion);
    const run = await runRaft(
      raftYaml({
        duration: '5s',
        workload: 'rate: 100/s\ntimeout: 200ms\nretries: 0',
        rest: `faults:\n  - { at: 1s, for: 2s, partition: [[${leader}, ${companion}], [${others.join(', ')}]] }\nfinal: { quiet: 1s }\nexpect: [election-safety, state-machine-safety, linearizable, no-lost-writes, converged]`,
      }),
      { watch: true },
    );
    expect(run.result.ok).toBe(true);
    const oldTerm = run.facts.leadersElected[0]!.term;
    expect(run.facts.leadersElected[0]!.node).toBe(leader);
    // The old leader kept appending client writes in its term and sent them to its companion...
    const sentInOldTerm = run.deliveries.filter(
      (d) => d.node === companion && d.from === leader && d.message.kind === 'raft.append-entries' && d.trueUs > 1_050_000 && d.trueUs < 3_000_000 && d.message.entries.length > 0,
    );
    expect(sentInOldTerm.length).toBeGreaterThan(10);
    const uncommittedIndexes = new Set<number>(sentInOldTerm.flatMap((d) => d.message.entries.map((_: unknown, k: number) => d.message.prevLogIndex + 1 + k)));
    // ...but no server ever applied an entry of the old term at any of those indexes.
    const appliedOld = run.facts.applied.filter((entry) => entry.term === oldTerm && uncommittedIndexes.has(entry.index));
    expect(appliedOld).toEqual([]);
    // The entries two servers held were cut off when the new leader's log reached them.
    expect(run.metrics['raft.entries-truncated']).toBeGreaterThan(0);
    expect(run.metrics['leader.elections']).toBe(2);
  });
});

/**
 * Replays applied commands (`write k=v (request n)`, `cas k e->v (request n)`, `read k (request
 * n)`) in log order, applying each write once or every time it appears; returns what each read
 * entry read, by request id (several values: a read retried into the log more than once).
 */
function replayReads(commands: readonly string[], deduplicate: boolean): Map<number, (number | null)[]> {
  const values = new Map<string, number | null>();
  const seen = new Set<string>();
  const reads = new Map<number, (number | null)[]>();
  for (const command of commands) {
    const write = /^write (\S+)=(\S+) \(request (\d+)\)$/.exec(command);
    const cas = /^cas (\S+) (\S+)->(\S+) \(request (\d+)\)$/.exec(command);
    const read = /^read (\S+) \(request (\d+)\)$/.exec(command);
    if (read) reads.set(Number(read[2]), [...(reads.get(Number(read[2])) ?? []), values.get(read[1]!) ?? null]);
    const request = write?.[3] ?? cas?.[4];
    if (request === undefined || (deduplicate && seen.has(request))) continue;
    seen.add(request);
    if (write) values.set(write[1]!, Number(write[2]));
    else if (cas && String(values.get(cas[1]!) ?? null) === cas[2]) values.set(cas[1]!, Number(cas[3]));
  }
  return reads;
}

describe('raft: client requests de-duplicated by request id', () => {
  it('writes retried after a timeout reach the log twice and take effect once', async () => {
    // Commits take about 3 disk writes of 40ms; the client gives up after 30ms and retries the same request.
    const run = await runRaft(
      raftYaml({
        duration: '4s',
        clients: 3,
        system: 'disk-write: 40ms',
        workload: 'keys: 2\nmix: { read: 0.3, write: 0.5, cas: 0.2 }\nrate: 40/s\ntimeout: 30ms\nretries: 4',
        rest: 'final: { quiet: 1s }\nexpect: [linearizable, state-machine-safety, converged]',
      }),
    );
    expect(run.metrics['retries']).toBeGreaterThan(20);
    const log = run.facts.applied.filter((entry) => entry.node === 'raft-1').sort((a, b) => a.index - b.index).map((entry) => entry.command);
    const requests = log.map((command) => /^(write|cas) .*\(request (\d+)\)$/.exec(command)?.[2]).filter((request) => request !== undefined);
    expect(requests.length - new Set(requests).size).toBeGreaterThan(5);
    // Reads go through the log: what each read returned is what the log gives when every request
    // takes effect once; applying the duplicates again would have changed some.
    const returned = new Map(run.history.filter(({ operation }) => operation.f === 'read' && operation.type === 'ok').map(({ operation }) => [Number(operation.process), operation.value ?? null]));
    expect(returned.size).toBeGreaterThan(30);
    // (raft-1 may not have applied the last reads when the run ends: those are left out.)
    const inLog = new Set(replayReads(log, true).keys());
    expect([...returned.keys()].filter((request) => inLog.has(request)).length).toBeGreaterThan(30);
    const unexplained = (reads: Map<number, (number | null)[]>) => [...returned].filter(([request, value]) => inLog.has(request) && !reads.get(request)!.includes(value as number | null));
    expect(unexplained(replayReads(log, true))).toEqual([]);
    expect(unexplained(replayReads(log, false)).length).toBeGreaterThan(0);
    expect(run.result.ok).toBe(true);
  });
});

describe('raft: term, vote and log survive a crash (ctx.durable)', () => {
  it('a server that voted, crashed and restarted refuses a second candidate of the same term', async () => {
    // No randomness: raft-1..4 all stand at 150ms in term 1 (each votes for itself). raft-5 starts
    // 100ms late, so it is a voter; it grants the first RequestVote to arrive, crashes at 160ms,
    // is back at 170ms, and only then receives raft-2's (its link is 50ms slower).
    const run = await runRaft(
      raftYaml({
        duration: '1s',
        clients: 1,
        system: 'election-timeout: { min: 150ms, max: 150ms }',
        rest: 'faults:\n  - { at: 0s, for: 100ms, crash: raft-5 }\n  - { at: 0s, delay: 50ms, link: "raft-2 -> raft-5" }\n  - { at: 160ms, for: 10ms, crash: raft-5 }\nexpect: [election-safety]',
      }),
      { watch: true },
    );
    expect(run.result.ok).toBe(true);
    const votesInTerm1 = run.deliveries.filter((d) => d.from === 'raft-5' && d.message.kind === 'raft.vote' && d.message.forTerm === 1);
    const granted = votesInTerm1.filter((d) => d.message.granted);
    expect(granted).toHaveLength(1);
    expect(granted[0]!.trueUs).toBeLessThan(160_000);
    const toRaft2 = votesInTerm1.find((d) => d.node === 'raft-2')!;
    expect(toRaft2.trueUs).toBeGreaterThan(170_000);
    expect(toRaft2.message).toMatchObject({ term: 1, granted: false });
    // Over the whole run, no server granted two candidates in one term.
    for (const [voterTerm, candidates] of grantsPerVoterAndTerm(run.deliveries)) expect([voterTerm, candidates.size]).toEqual([voterTerm, 1]);
  });
});
