// Leader-follower failover through a failure detector of src/model/kit/detectors (`system.detector`):
// followers suspect a crashed leader and elect one successor, a detector shorter than a GC pause
// elects needlessly while a longer one waits the pause out, and mistakes in the block are located.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../cli/fake-io.js';

/** A three-replica cluster, one client writing and reading; `system` lines and `faults` added. */
function scenario(options: { system: string; faults: string; duration?: string }): string {
  return `name: lf-detector
seed: 7
duration: ${options.duration ?? '20s'}
nodes: [client, { name: db, count: 3 }]
network:
  latency: { dist: exponential, mean: 1ms }
system:
  model: leader-follower
  servers: [db-1, db-2, db-3]
  replication: semi-sync
${options.system}
workload:
  kind: kv
  clients: [client]
  keys: 100
  mix: { read: 0.5, write: 0.5 }
  rate: 100/s
  timeout: 500ms
faults:
${options.faults}
final: { quiet: 2s }
`;
}

function writeScenario(text: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-lf-detector-'));
  writeFileSync(join(dir, 's.yaml'), text);
  return { dir, file: 's.yaml' };
}

async function runJson(text: string, ...extra: string[]) {
  const { dir, file } = writeScenario(text);
  const result = await runCli(['run', file, '--format', 'json', ...extra], fakeIo({ cwd: dir }));
  expect(result.err).toBe('');
  const document = JSON.parse(result.out);
  const lane = (node: string) => document.timeline.lanes.find((l: { node: string }) => l.node === node);
  return { code: result.code, metrics: document.metrics as Record<string, number>, lane };
}

const phi = '  detector: { kind: phi-accrual, interval: 100ms, acceptable-pause: 300ms, min-std-deviation: 50ms }';
const leaderCrash = '  - { at: 10s, crash: db-1 }';

describe('leader-follower with a failure detector', () => {
  it('phi accrual: a crashed leader is suspected, one election follows and writes continue', async () => {
    const run = await runJson(scenario({ system: phi, faults: leaderCrash }));
    expect(run.metrics['leader.elections']).toBe(1);
    expect(run.metrics['leader.split-brain-ms']).toBe(0);
    expect(run.metrics['leader.unavailable-ms']).toBeLessThan(2000);
    expect(run.metrics['writes.lost']).toBe(0);
    // Half the run comes after the crash: nearly every write still succeeds.
    expect(run.metrics['writes.acknowledged-fraction']).toBeGreaterThan(0.9);
    // Both survivors detected the crash, nobody was wrongly suspected.
    expect(run.metrics['detector.detections']).toBe(2);
    expect(run.metrics['detector.false-suspicions']).toBe(0);
    expect(run.metrics['detector.detection-time.max']).toBeLessThan(1000);
    // The timeline draws the suspicion from shortly after the crash (100ms buckets).
    const suspected: string = run.lane('db-1').flags.suspected;
    expect(suspected.slice(0, 100)).not.toContain('1');
    expect(suspected.slice(100, 110)).toContain('1');

    // The same detector with manual failover: nobody is promoted, writes stop at the crash.
    const manual = await runJson(scenario({ system: `${phi}\n  failover: manual`, faults: leaderCrash }));
    expect(manual.metrics['leader.elections']).toBe(0);
    expect(manual.metrics['writes.acknowledged-fraction']).toBeLessThan(0.6);
  });

  it('a fixed timeout shorter than a GC pause elects a new leader needlessly; a longer one does not', async () => {
    const pause = '  - { at: 10s, for: 1s, pause: db-1 }';
    const short = await runJson(scenario({ system: '  detector: { kind: timeout, interval: 100ms, timeout: 300ms }', faults: pause }));
    expect(short.metrics['leader.elections']).toBe(1);
    expect(short.metrics['detector.false-suspicions']).toBeGreaterThanOrEqual(2);
    expect(short.metrics['detector.detections']).toBe(0);
    // Without fencing the paused leader wakes up still leading, beside its successor.
    expect(short.metrics['leader.split-brain-ms']).toBeGreaterThan(0);

    const long = await runJson(scenario({ system: '  detector: { kind: timeout, interval: 100ms, timeout: 2s }', faults: pause }));
    expect(long.metrics['leader.elections']).toBe(0);
    expect(long.metrics['detector.suspicions']).toBe(0);
    expect(long.metrics['leader.split-brain-ms']).toBe(0);
  });

  it('a leader that restarts before anyone suspects it is replaced all the same', async () => {
    // The detector trusts the restarted process, which no longer leads: it stands for election
    // itself after the failover timeout, and its followers, asked by their own leader, agree.
    const run = await runJson(
      scenario({ system: '  detector: { kind: timeout, interval: 100ms, timeout: 2s }', faults: '  - { at: 10s, for: 200ms, crash: db-1 }' }),
    );
    expect(run.metrics['detector.suspicions']).toBe(0);
    expect(run.metrics['leader.elections']).toBe(1);
    expect(run.metrics['leader.unavailable-ms']).toBeLessThan(3000);
    expect(run.metrics['writes.lost']).toBe(0);
  });

  it('without `detector:` the model reports no detector metrics', async () => {
    const run = await runJson(scenario({ system: '  failover-timeout: 1s', faults: leaderCrash }));
    expect(run.metrics['leader.elections']).toBe(1);
    expect(Object.keys(run.metrics).filter((name) => name.startsWith('detector.'))).toEqual([]);
    expect(run.lane('db-1').flags).toBeUndefined();
  });
});

describe('leader-follower detector configuration', () => {
  async function problems(system: string): Promise<{ code: number; lines: string[] }> {
    const { dir, file } = writeScenario(scenario({ system, faults: leaderCrash }));
    const result = await runCli(['validate', file], fakeIo({ cwd: dir }));
    return { code: result.code, lines: result.err.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim()) };
  }

  it('bad values of a phi accrual detector, each at its place', async () => {
    const result = await problems(`  detector:
    kind: phi-accrual
    interval: 5
    threshold: 0
  failover: automatic`);
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      's.yaml:13:15: system.detector.interval: a duration needs a unit, got 5 (add a unit, e.g. 250ms)',
      's.yaml:14:16: system.detector.threshold: must be at least 0.01, got 0',
    ]);
  });

  it('a timeout without its timeout, a misspelt key, a detector that is not a map', async () => {
    const missing = await problems('  detector: { kind: timeout, intervall: 100ms }');
    expect(missing.code).toBe(2);
    expect(missing.lines).toEqual([
      's.yaml:11:13: system.detector.timeout: missing required key `timeout`',
      's.yaml:11:30: system.detector.intervall: unknown key `intervall` (did you mean `interval`?)',
    ]);
    const scalar = await problems('  detector: phi-accrual');
    expect(scalar.code).toBe(2);
    expect(scalar.lines).toEqual(['s.yaml:11:13: system.detector: expected a map, got "phi-accrual"']);
  });
});
