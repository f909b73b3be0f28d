// Runs the ddsim CLI in-process (TypeScript sources; sweep workers load through tsx) with
// captured output, for end-to-end tests of `sweep` and `merge`.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export async function runCli(args: readonly string[], cwd = REPO_ROOT): Promise<CliOutcome> {
  const stdout = capture();
  const stderr = capture();
  let exitCode = 0;
  const io = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: { NO_COLOR: '1' },
    cwd,
    get exitCode() {
      return exitCode;
    },
    setExitCode(code: number) {
      exitCode = Math.max(exitCode, code);
    },
  };
  const code = await main(['node', 'ddsim', ...args], io as Parameters<typeof main>[1]);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export function temporaryDirectory(): string {
  return mkdtempSync(join(tmpdir(), 'ddsim-sweep-'));
}

/** Run lines of a JSONL file, sorted (finish order varies with the worker count). */
export function sortedRunLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.includes('"type":"run"'))
    .sort();
}
