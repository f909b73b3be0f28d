// Reads in the raft model: through the log, by read index and on a lease, all linearizable
// when clocks drift within the lease's bound; and `reads: lease` broken, as it must be, by a
// leader whose clock runs slow by more than the bound (`lease-drift-bound`) while its followers'
// run fast: the lease outlasts the followers' refusal to vote, a new leader commits writes, and
// the old one still answers reads from its lease (stale reads, not linearizable).

import { describe, expect, it } from 'vitest';
import { raftYaml, runRaft } from './raft-run.js';

/**
 * Five servers, three clients; long election timeouts (1s..1.05s, heartbeats 100ms) so that 10%
 * of drift is 100ms of lease. Three times, the leader's clock is set to run at `leaderDrift` and
 * the followers' at `followerDrift`, and half a second later the leader is cut off from the
 * other servers for 2s (clients still reach it).
 */
function leaseYaml(seed: number, reads: string, leaderDrift: string, followerDrift: string, system = ''): string {
  const cycles = [2, 5, 8].flatMap((atS) => [
    `  - { at: ${atS}s, clock: { role: leader }, drift: ${leaderDrift} }`,
    `  - { at: ${atS}s, clock: { role: follower }, drift: ${followerDrift} }`,
    `  - { at: ${atS + 0.5}s, for: 2s, partition: [{ role: leader }, "raft-*"] }`,
  ]);
  return raftYaml({
    seed,
    duration: '11s',
    clients: 3,
    system: `election-timeout: { min: 1s, max: 1.05s }\nheartbeat: 100ms\ncheck-quorum: true\nreads: ${reads}\ndisk-write: 1ms\n${system}`,
    workload: 'keys: 4\nmix: { read: 0.8, write: 0.2 }\nrate: 100/s\ntimeout: 100ms\nretries: 3',
    rest: `faults:\n${cycles.join('\n')}\nfinal: { quiet: 1s }\nexpect: [linearizable, election-safety, state-machine-safety]`,
  });
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

async function outcomes(reads: string, leaderDrift: string, followerDrift: string, system = '', seeds = SEEDS) {
  const runs = [];
  for (const seed of seeds) {
    const run = await runRaft(leaseYaml(seed, reads, leaderDrift, followerDrift, system));
    const linearizable = run.result.expectations.find((e) => e.expr === 'linearizable')!;
    runs.push({ seed, observed: linearizable.observed, stale: run.metrics['reads.stale']!, elections: run.metrics['leader.elections']!, safe: run.verdict('election-safety') && run.verdict('state-machine-safety') });
  }
  return runs;
}

describe('raft reads', () => {
  it('log, read-index and lease: linearizable at 3 seeds without drift, and log and read-index under any drift', async () => {
    for (const [reads, leaderDrift, followerDrift] of [
      ['log', '0ppm', '0ppm'],
      ['read-index', '0ppm', '0ppm'],
      ['lease', '0ppm', '0ppm'],
      ['log', '-100000ppm', '100000ppm'],
      ['read-index', '-100000ppm', '100000ppm'],
    ] as const) {
      const runs = await outcomes(reads, leaderDrift, followerDrift, '', SEEDS.slice(0, 3));
      expect({ reads, leaderDrift, runs: runs.filter((run) => run.observed !== 'linearizable' || run.stale > 0 || !run.safe) }).toEqual({ reads, leaderDrift, runs: [] });
      // Each cycle cut the leader off and the others elected: 1 + 3 elections.
      expect(runs.every((run) => run.elections >= 4)).toBe(true);
    }
  });

  it('lease: drift within the bound (±500ppm against 1000ppm) keeps it linearizable, and so does a bound above the drift', async () => {
    const within = await outcomes('lease', '-500ppm', '500ppm');
    expect(within.filter((run) => run.observed !== 'linearizable' || run.stale > 0)).toEqual([]);
    // A leader 10% slow and followers 10% fast differ by about 22%: a bound of 25% covers it.
    const covered = await outcomes('lease', '-100000ppm', '100000ppm', 'lease-drift-bound: 250000ppm');
    expect(covered.filter((run) => run.observed !== 'linearizable' || run.stale > 0)).toEqual([]);
  });

  it('lease: a leader clock 10% slow (followers 10% fast), beyond the 1000ppm bound, serves stale reads', async () => {
    const runs = await outcomes('lease', '-100000ppm', '100000ppm');
    const broken = runs.filter((run) => run.observed === 'not-linearizable' && run.stale > 0);
    // 7 of 10 seeds measured (the stale window is ~200ms after each new leader: a read of a key
    // just written must fall in it); at least half is asserted.
    expect(broken.length).toBeGreaterThanOrEqual(5);
    // Safety of the log itself never depends on clocks.
    expect(runs.every((run) => run.safe)).toBe(true);
  });
});
