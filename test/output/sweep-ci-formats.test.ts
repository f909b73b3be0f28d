// `ddsim sweep --format junit` and `--format github` on a small sweep: a testsuite per
// combination named by its values whose failures say in how many runs and with which seeds;
// annotations at the failing `expect:` line listing the failing combinations; the job summary
// table appended to $GITHUB_STEP_SUMMARY. The exit code is the sweep's, whatever the format.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../cli/fake-io.js';
import { parseAnnotations } from './github-annotations.js';
import { parseJunit } from './junit-shape.js';

const SMALL = 'test/sweep/fixtures/small.yaml';
/** 5ms fails availability (10ms, in the fixture's own sweep, sits on the line: 0.91-0.95 by seed), 200ms fails latency.p99. */
const SWEEP_ARGS = ['sweep', SMALL, '--seeds', '1..2', '--vary', 'workload.timeout=5ms,50ms,200ms', '--workers', '2'];

describe('ddsim sweep --format junit', () => {
  it('a suite per combination; failures give the failing run count, seeds and a reproduce command', async () => {
    const { code, out } = await runCli([...SWEEP_ARGS, '--format', 'junit']);
    expect(code).toBe(1);
    const suites = parseJunit(out);
    expect(suites.map((suite) => suite.name)).toEqual(['workload.timeout=5ms', 'workload.timeout=50ms', 'workload.timeout=200ms']);
    const outcomes = suites.map((suite) => suite.cases.map((c) => `${c.name}: ${c.outcome}`));
    expect(outcomes).toEqual([
      ['availability >= 0.95: failure', 'latency.p99 <= 100ms: passed'],
      ['availability >= 0.95: passed', 'latency.p99 <= 100ms: passed'],
      ['availability >= 0.95: passed', 'latency.p99 <= 100ms: failure'],
    ]);
    const failure = suites[0].cases[0];
    expect(failure.classname).toBe('test/sweep/fixtures/small');
    expect(failure.message).toBe('failed in 2 of 2 runs (seeds 1, 2)');
    expect(failure.body).toContain('held in 0 of 2 runs; violated in 2; failing seeds 1, 2');
    expect(failure.body).toContain(`Reproduce: ddsim run ${SMALL} --seed 1 --set workload.timeout=5ms`);
    const properties = new Map(suites[1].properties);
    expect(properties.get('param:workload.timeout')).toBe('50ms');
    expect(properties.get('runs')).toBe('2');
    expect(properties.get('ok-runs')).toBe('2');
    expect(Number(properties.get('metric:availability.median'))).toBeGreaterThan(0.95);
  });

  it('runs that did not complete are an error of their combination', async () => {
    const { code, out } = await runCli(['sweep', SMALL, '--seeds', '1..2', '--vary', 'workload.timeout=50ms', '--set', 'limits.events=500', '--format', 'junit', '--workers', '1']);
    expect(code).toBe(3);
    const [suite] = parseJunit(out);
    const error = suite.cases.find((c) => c.outcome === 'error')!;
    expect(error.name).toBe('runs complete');
    expect(error.message).toContain('2 of 2 runs did not complete (exit 3), seeds 1, 2');
  });
});

describe('ddsim sweep --format github', () => {
  it('annotates each failing expect: line with its failing combinations and appends the summary', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ddsim-github-')), 'summary.md');
    writeFileSync(file, 'before\n');
    const { code, out } = await runCli([...SWEEP_ARGS, '--format', 'github'], fakeIo({ env: { GITHUB_STEP_SUMMARY: file } }));
    expect(code).toBe(1);
    const annotations = parseAnnotations(out);
    const lines = readFileSync(SMALL, 'utf8').split('\n');
    expect(annotations.map((a) => [a.level, lines[Number(a.properties.line) - 1].slice(Number(a.properties.col) - 1)])).toEqual([
      ['error', 'availability >= 0.95'],
      ['error', 'latency.p99 <= 100ms'],
    ]);
    expect(annotations[0].properties.title).toBe('sweep: availability >= 0.95 failed in 1 of 3 combinations');
    expect(annotations[0].message).toBe(
      `workload.timeout=5ms: held in 0 of 2 runs; violated in 2; failing seeds 1, 2 — Reproduce: ddsim run ${SMALL} --seed 1 --set workload.timeout=5ms`,
    );
    const summary = readFileSync(file, 'utf8');
    expect(summary.startsWith('before\n## ddsim sweep: ✗ FAIL')).toBe(true);
    expect(summary).toContain('| ✗ | 5ms | 2 | 0 % 0/2 | 0 % 0/2 | 100 % |');
    expect(summary).toContain(`ddsim run ${SMALL} --seed 1 --set workload.timeout=200ms`);
    expect(out).not.toContain('## ddsim sweep');
  });
});
