// The built CLI in a real process: a closed stdout (`| head -1`) ends it quietly with its exit
// code; Ctrl-C (SIGINT) during a long run stops it promptly with exit 130 and no partial output.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const BIN = join(ROOT, 'bin/ddsim.js');
const built = existsSync(join(ROOT, 'dist/cli/main.js')); // `npm test` builds first

interface Ended {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly elapsedMs: number;
}

function runBin(args: readonly string[], drive: (child: ReturnType<typeof spawn>, out: () => string) => void): Promise<Ended> {
  return new Promise((done) => {
    const child = spawn('node', [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const startedMs = performance.now();
    child.stdout!.on('data', (chunk) => (out += String(chunk)));
    child.stderr!.on('data', (chunk) => (err += String(chunk)));
    child.on('close', (code) => done({ code, out, err, elapsedMs: performance.now() - startedMs }));
    drive(child, () => out);
  });
}

describe.skipIf(!built)('pipes and signals', () => {
  it('a reader that closes after the first line ends ddsim quietly, with the exit code it had', async () => {
    const ended = await runBin(['run', 'scenarios/retry-duplicates.yaml'], (child) => {
      child.stdout!.once('data', () => child.stdout!.destroy());
    });
    expect(ended.err).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(ended.code).toBe(1); // the scenario fails on purpose: its code survives the closed pipe
  });

  it('SIGINT during a long run exits 130 promptly and writes no partial JSON', async () => {
    const ended = await runBin(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'duration=96h', '--format', 'json'], (child) => {
      setTimeout(() => child.kill('SIGINT'), 700);
    });
    expect(ended.code).toBe(130);
    expect(ended.out).toBe('');
    expect(ended.err).toContain('interrupted');
    expect(ended.elapsedMs).toBeLessThan(5000);
  });
});
