// One broken link between the leader and a follower (scenarios/raft-partial-partition.yaml, the
// Cloudflare/etcd outage of November 2020): without pre-vote and check-quorum the cut-off
// follower's elections depose the leader again and again; with both, the leader stays. Measured
// over 10 seeds (the lesson header says: 2 to 14 elections in all over seeds 1..20, median 4).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRaft } from './raft-run.js';

const text = readFileSync(new URL('../../../scenarios/raft-partial-partition.yaml', import.meta.url), 'utf8');

async function electionsPerSeed(sets: readonly string[]) {
  const runs = [];
  for (let seed = 1; seed <= 10; seed++) {
    const run = await runRaft(text, { sets: [`seed=${seed}`, ...sets] });
    runs.push({ elections: run.metrics['leader.elections']!, safe: run.verdict('election-safety') && run.verdict('state-machine-safety') && run.verdict('linearizable') });
  }
  return runs;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1]! + sorted[sorted.length >> 1]!) / 2;
};

describe('raft: a partial partition', () => {
  it('without pre-vote and check-quorum the cluster keeps electing (median ≥ 3 elections), with them once; safe either way', async () => {
    const without = await electionsPerSeed([]);
    const withBoth = await electionsPerSeed(['system.pre-vote=true', 'system.check-quorum=true']);
    expect(median(without.map((run) => run.elections))).toBeGreaterThanOrEqual(3);
    expect(Math.max(...withBoth.map((run) => run.elections))).toBe(1);
    expect([...without, ...withBoth].every((run) => run.safe)).toBe(true);
  });
});
