// The built CLI (bin/ddsim.js over dist/, which `npm test` builds first) in a real child process,
// for tests of what only a process shows: exit codes, signals, closed pipes, memory bounds.
// `drive` acts on the child while it runs (a signal, closing stdout); a child still running after
// `killAfterMs` is killed, so that a regression cannot hang the suite.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/ddsim.js');

/** Whether dist/ is built (tests of the built CLI skip otherwise). */
export const cliIsBuilt = existsSync(join(ROOT, 'dist/cli/main.js'));

export interface Ended {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
  readonly elapsedMs: number;
}

export interface BuiltCliOptions {
  /** Node's own options before the script, e.g. `--max-old-space-size=96`. */
  readonly nodeArgs?: readonly string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly killAfterMs?: number;
  readonly drive?: (child: ChildProcess, out: () => string) => void;
}

const KILL_AFTER_MS_DEFAULT = 60_000;

export function runBuiltCli(args: readonly string[], options: BuiltCliOptions = {}): Promise<Ended> {
  return new Promise((done) => {
    const child = spawn('node', [...(options.nodeArgs ?? []), BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: options.env ?? process.env });
    let out = '';
    let err = '';
    const startedMs = performance.now();
    const killed = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? KILL_AFTER_MS_DEFAULT);
    child.stdout.on('data', (chunk) => (out += String(chunk)));
    child.stderr.on('data', (chunk) => (err += String(chunk)));
    child.on('close', (code) => {
      clearTimeout(killed);
      done({ code, out, err, elapsedMs: performance.now() - startedMs });
    });
    options.drive?.(child, () => out);
  });
}
