// Election time against the Raft paper (Ongaro and Ousterhout, USENIX ATC 2014, §9.3, Figure 16:
// five servers, a broadcast time of about 15ms, the leader crashed again and again, time from the
// crash to a majority receiving the new leader's first AppendEntries). The runs are those of
// scenarios/raft-leader-crash.yaml and raft-no-randomness.yaml, pooled over seeds the way
// `ddsim sweep --pool leader.election-time` pools them (pooled-election-time.ts). The paper:
//   150–150ms: elections "consistently longer than 10 seconds" (split votes);
//   150–155ms: median 287ms;
//   150–175ms and wider: "with 50ms of randomness the worst-case completion time (over 1000
//   trials) was 513ms"; 150–300ms: a few hundred milliseconds, rare stragglers.
// Default: 20 runs (291 elections) per setting, 5 runs for 150–150ms (11 elections: they take
// tens of seconds each); about 4s in all. DDSIM_SLOW_TESTS=1 adds 50 runs (738 elections) of
// every setting of the figure (about 20s).

import { describe, expect, it } from 'vitest';
import { pooledElectionTime } from './pooled-election-time.js';

const seeds = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);
const withMax = (max: string): string[] => [`system.election-timeout.max=${max}`];

describe('raft election time against the paper (Figure 16)', () => {
  it('150–150ms (no randomness): elections take more than 10 s', async () => {
    const pooled = await pooledElectionTime('raft-no-randomness.yaml', seeds(5), []);
    // Measured: 11 elections in 5 runs of 120s, median 26s, max 49s.
    expect(pooled.samples).toBeGreaterThanOrEqual(5);
    expect(pooled.p50Ms).toBeGreaterThan(10_000);
    // Nearly the whole run without a leader that can commit.
    expect(pooled.unavailableMsMax).toBeGreaterThan(60_000);
  });

  it('150–155ms: median about the paper\'s 287ms; 150–300ms: a few hundred ms, no straggler past 400ms', async () => {
    const narrow = await pooledElectionTime('raft-leader-crash.yaml', seeds(20), withMax('155ms'));
    expect(narrow.samples).toBeGreaterThan(250);
    // Measured 303ms (291 elections). The paper's 287ms is one cluster on real machines with a
    // different heartbeat phase at each crash; ddsim's follows from the same mechanism (a
    // follower's timer started at the last heartbeat, up to 75ms before the crash; split votes
    // cost another 150–155ms round each). 230–350ms is 287ms -20%/+22%: a model that drew
    // timeouts wrongly (e.g. once, not at every reset) or counted from the wrong instant leaves it.
    expect(narrow.p50Ms).toBeGreaterThan(230);
    expect(narrow.p50Ms).toBeLessThan(350);
    // Split votes make a long tail: the 90th percentile is about twice the median.
    expect(narrow.p90Ms).toBeGreaterThan(1.5 * narrow.p50Ms);

    const wide = await pooledElectionTime('raft-leader-crash.yaml', seeds(20), withMax('300ms'));
    expect(wide.samples).toBeGreaterThan(250);
    // Measured: median 174ms, p99 263ms, max 270ms.
    expect(wide.p50Ms).toBeGreaterThan(75); // a new leader needs at least one election timeout, less a heartbeat interval
    expect(wide.p50Ms).toBeLessThan(300);
    expect(wide.p99Ms).toBeLessThan(400);
    expect(wide.p50Ms).toBeLessThan(narrow.p50Ms);
  });

  it.skipIf(process.env['DDSIM_SLOW_TESTS'] !== '1')('the figure\'s settings, 50 runs each: more randomness, shorter elections, no trial past the paper\'s 513ms from 50ms of randomness on', async () => {
    const rows: Record<string, Awaited<ReturnType<typeof pooledElectionTime>>> = {};
    for (const max of ['151ms', '155ms', '175ms', '200ms', '300ms']) rows[max] = await pooledElectionTime('raft-leader-crash.yaml', seeds(50), withMax(max));
    for (const row of Object.values(rows)) expect(row.samples).toBeGreaterThan(450);
    // 1ms of randomness: seconds (measured median 2.8s).
    expect(rows['151ms']!.p50Ms).toBeGreaterThan(1_000);
    expect(rows['155ms']!.p50Ms).toBeGreaterThan(230);
    expect(rows['155ms']!.p50Ms).toBeLessThan(350);
    // Measured: 175ms max 629ms (one straggler in 738), 200ms max 373ms, 300ms max 467ms.
    expect(rows['175ms']!.p99Ms).toBeLessThan(513);
    expect(rows['200ms']!.maxMs).toBeLessThan(513);
    expect(rows['300ms']!.maxMs).toBeLessThan(513);
    expect(rows['151ms']!.p50Ms).toBeGreaterThan(rows['155ms']!.p50Ms);
    expect(rows['155ms']!.p50Ms).toBeGreaterThan(rows['175ms']!.p50Ms);
  });
});
