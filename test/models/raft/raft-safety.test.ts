// Safety of the raft model under random faults: 200 seeds of short runs (6s and a 3s quiet
// phase) in which servers crash and restart (mtbf 4s, mttr 0.5s), pause (20–400ms every 2–6s of
// running) and are partitioned (a random isolate-one, majority-minority or halves split of the
// servers every 0.5–2s, for 0.1–1s; clients reach everyone), with pre-vote, check-quorum and the
// read mode varying by seed. Every check holds in every run: one leader per term, one command
// per index, a linearizable history, no acknowledged write lost, equal replicas at the end.
// Measured: about 4s for the 200 (2 cores). DDSIM_SLOW_TESTS=1 runs 1000 seeds (about 20s).

import { describe, expect, it } from 'vitest';
import { raftYaml, runRaft } from './raft-run.js';

const SHAPES = ['isolate-one', 'majority-minority', 'halves'] as const;
const CHECKS = ['election-safety', 'state-machine-safety', 'linearizable', 'no-lost-writes', 'converged'];

function chaosYaml(seed: number): string {
  return raftYaml({
    seed,
    duration: '6s',
    system: `reads: ${seed % 2 === 0 ? 'log' : 'read-index'}\npre-vote: ${seed % 3 === 0}\ncheck-quorum: ${seed % 4 === 0}`,
    workload: 'keys: 20\nmix: { read: 0.4, write: 0.4, cas: 0.2 }\nrate: 50/s\ntimeout: 300ms\nretries: 2',
    rest: [
      'faults:',
      '  - random: { crash: { nodes: "raft-*", mtbf: 4s, mttr: 500ms } }',
      '  - random: { pause: { nodes: "raft-*", every: 2s..6s, for: 20ms..400ms } }',
      `  - random: { partition: { nodes: "raft-*", every: 500ms..2s, for: 100ms..1s, shape: ${SHAPES[seed % 3]} } }`,
      'final: { quiet: 3s }',
      `expect: [${CHECKS.join(', ')}]`,
    ].join('\n'),
  });
}

const seedCount = process.env['DDSIM_SLOW_TESTS'] === '1' ? 1000 : 200;

describe('raft safety under random crashes, pauses and partitions', () => {
  it(`every check holds at ${seedCount} seeds`, async () => {
    const failures: string[] = [];
    let faults = 0;
    let elections = 0;
    let truncated = 0;
    for (let seed = 1; seed <= seedCount; seed++) {
      const run = await runRaft(chaosYaml(seed));
      for (const expectation of run.result.expectations) if (!expectation.ok) failures.push(`seed ${seed}: ${expectation.expr} (${String(expectation.observed)})`);
      faults += run.metrics['faults.injected']!;
      elections += run.metrics['leader.elections']!;
      truncated += run.metrics['raft.entries-truncated']! > 0 ? 1 : 0;
    }
    expect(failures).toEqual([]);
    // The faults did bite: many per run, re-elections, and logs cut back in some runs.
    expect(faults / seedCount).toBeGreaterThan(8);
    expect(elections / seedCount).toBeGreaterThan(2);
    expect(truncated).toBeGreaterThan(seedCount / 20);
  }, 120_000);
});
