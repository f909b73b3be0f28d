// Ctrl-C during `ddsim explore` (the built CLI, as a user runs it): the workers stop, the results
// file keeps whole lines of every finished run, exit 130; --resume then carries on from there.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExploreJsonl } from '../../src/explore/explore-record.js';
import { runCli } from '../sweep/cli-helpers.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ARGS = ['explore', 'scenarios/explore-sloppy-quorum.yaml', '--set', 'system.sloppy=false', '--keep-going'];

describe('ddsim explore and Ctrl-C', () => {
  it('SIGINT stops the workers, keeps whole lines of the finished runs, exits 130; --resume carries on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-explore-signal-'));
    const out = join(dir, 'e.jsonl');
    const ended = await new Promise<{ code: number | null; stderr: string }>((done) => {
      const child = spawn('node', ['bin/ddsim.js', ...ARGS, '--runs', '400', '--workers', '2', '--failures', dir, '--out', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      // Interrupt once some runs are in (polling the file: a fixed delay fails on a loaded machine).
      const poll = setInterval(() => {
        if (existsSync(out) && readFileSync(out, 'utf8').split('\n').length > 3) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 50);
      child.on('exit', () => clearInterval(poll));
      child.on('exit', (code) => done({ code, stderr }));
    });
    expect(ended.code).toBe(130);
    expect(ended.stderr).toMatch(/interrupted: \d+ runs are in .*; add --resume to carry on/);
    const text = readFileSync(out, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const parsed = parseExploreJsonl(text);
    expect(parsed.problems).toEqual([]);
    const done = parsed.runs.length;
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(400);

    const resumed = await runCli([...ARGS, '--runs', String(done + 2), '--workers', '0', '--failures', dir, '--out', out, '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`resuming: ${done} runs already in`);
    const indices = new Set(parseExploreJsonl(readFileSync(out, 'utf8')).runs.map((run) => run.index));
    for (let index = 0; index < done + 2; index++) expect(indices.has(index)).toBe(true);
    expect(resumed.stdout).toContain(`${done + 2} of ${done + 2} runs, no failure`);
  }, 30_000);

  it('SIGINT during ddsim shrink stops between slices of a run: exit 130, nothing written', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ddsim-shrink-signal-')), 'x.min.yaml');
    const ended = await new Promise<{ code: number | null; stderr: string }>((done) => {
      // Ten simulated minutes at 400 requests/s: several seconds of runs to interrupt.
      const args = ['bin/ddsim.js', 'shrink', 'scenarios/repl-split-brain.yaml', '--set', 'duration=600s', '--set', 'workload.rate=400/s', '--out', out];
      const child = spawn('node', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      setTimeout(() => child.kill('SIGINT'), 1500);
      child.on('exit', (code) => done({ code, stderr }));
    });
    expect(ended.code).toBe(130);
    expect(ended.stderr).toMatch(/^interrupted .*nothing written\n$/);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
