// The command registry: one line per command, its name and how to load it. Each module exports
// `define(program)`, which adds the command with its options and an action that loads its heavy
// parts lazily. main() loads only the command named on the command line (all of them for help,
// an unknown command or no command), so start-up does not pay for the others.

import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export type { CliIo } from '../cli-io.js';

export interface CommandModule {
  define(program: Command, io: CliIo): void;
}

export interface CommandEntry {
  /** The name the module's define() gives its command (a test checks that they agree). */
  readonly name: string;
  readonly load: () => Promise<CommandModule>;
}

export const COMMANDS: readonly CommandEntry[] = [
  { name: 'run', load: () => import('./run.js') },
  { name: 'validate', load: () => import('./validate.js') },
  { name: 'sweep', load: () => import('./sweep.js') },
  { name: 'merge', load: () => import('./merge.js') },
  { name: 'explore', load: () => import('./explore.js') },
  { name: 'shrink', load: () => import('./shrink.js') },
  { name: 'check', load: () => import('./check.js') },
  { name: 'init', load: () => import('./init.js') },
  { name: 'schema', load: () => import('./schema.js') },
];

/** The commands to define for these arguments (argv without node and script): the one named first, else all. */
export function commandsFor(args: readonly string[]): readonly CommandEntry[] {
  const named = COMMANDS.find((entry) => entry.name === args[0]);
  return named === undefined ? COMMANDS : [named];
}
