// Ctrl-C during a sweep of many short runs, the built CLI in a real process: the pool has
// batches of several runs in each worker's hands, yet the file keeps whole lines only, each run
// at most once; runs a worker finished but had not reported are simply not there, and --resume
// runs exactly the missing ones.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, sortedRunLines, temporaryDirectory } from './cli-helpers.js';

const built = existsSync(join(REPO_ROOT, 'dist/cli/main.js')); // `npm test` builds first
const SEED_COUNT = 400;
const ARGS = ['sweep', 'test/sweep/fixtures/small.yaml', '--vary', 'workload.timeout=50ms', '--seeds', String(SEED_COUNT), '--workers', '2', '--no-fail'];

function lineCount(file: string): number {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 1 : 0;
}

/** Starts the sweep, sends SIGINT once `linesBeforeSignal` lines are in `out`; resolves with the exit code. */
function interruptedSweep(out: string, linesBeforeSignal: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('node', ['bin/ddsim.js', ...ARGS, '--out', out], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const watch = setInterval(() => {
      if (lineCount(out) < linesBeforeSignal) return;
      clearInterval(watch);
      child.kill('SIGINT');
    }, 20);
    child.on('exit', (code) => {
      clearInterval(watch);
      done({ code, stderr });
    });
  });
}

describe.skipIf(!built)('Ctrl-C during a sweep handed out in batches', () => {
  it('keeps whole lines, each run once; --resume runs exactly the rest', async () => {
    const out = join(temporaryDirectory(), 'batches.jsonl');
    const ended = await interruptedSweep(out, 30);
    expect(ended.code).toBe(130);
    expect(ended.stderr).toMatch(/interrupted: \d+ of 400 runs are in .*--resume/);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const kept = sortedRunLines(text).map((line) => JSON.parse(line)); // whole lines only
    expect(kept.length).toBeGreaterThanOrEqual(29);
    expect(kept.length).toBeLessThan(SEED_COUNT);
    expect(new Set(kept.map((record) => record.index)).size).toBe(kept.length);

    const resumed = await runCli([...ARGS, '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resuming: ${kept.length} of ${SEED_COUNT} runs already in`);
    const all = sortedRunLines(readFileSync(out, 'utf8')).map((line) => JSON.parse(line));
    expect(all).toHaveLength(SEED_COUNT);
    expect(new Set(all.map((record) => record.index)).size).toBe(SEED_COUNT);
  }, 90_000);
});
