// A CliIo that captures output, for running commands in-process.

import { Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/commands/index.js';

export interface CapturedIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
  exitCode: number;
}

function capture(): { stream: Writable & { isTTY?: boolean }; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  return { stream, text: () => chunks.join('') };
}

export function fakeIo(options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CapturedIo {
  const stdout = capture();
  const stderr = capture();
  const io: CapturedIo = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    exitCode: 0,
    setExitCode(code: number) {
      io.exitCode = Math.max(io.exitCode, code);
    },
    out: stdout.text,
    err: stderr.text,
  };
  return io;
}

/** Runs the CLI in-process: `ddsim ...args`. */
export async function runCli(args: readonly string[], io = fakeIo()): Promise<{ code: number; out: string; err: string }> {
  const { main } = await import('../../src/cli/main.js');
  const code = await main(['node', 'ddsim', ...args], io as never);
  return { code, out: io.out(), err: io.err() };
}
