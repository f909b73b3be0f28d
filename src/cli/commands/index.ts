// The command registry: one line per command. Each module exports `define(program)`, which adds
// the command with its options and an action that loads its heavy parts lazily.

import type { Command } from 'commander';

export interface CommandModule {
  define(program: Command, io: CliIo): void;
}

/** What commands may use to talk to the outside world (tests substitute these). */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Set by a command's action; main() returns it. */
  setExitCode(code: number): void;
}

export const commandModules: readonly (() => Promise<CommandModule>)[] = [
  () => import('./run.js'),
  () => import('./validate.js'),
  () => import('./sweep.js'),
  () => import('./merge.js'),
  () => import('./check.js'),
];
