// The command registry: one line per command. Each module exports `define(program)`, which adds
// the command with its options and an action that loads its heavy parts lazily.

import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export type { CliIo } from '../cli-io.js';

export interface CommandModule {
  define(program: Command, io: CliIo): void;
}

export const commandModules: readonly (() => Promise<CommandModule>)[] = [
  () => import('./run.js'),
  () => import('./validate.js'),
  () => import('./sweep.js'),
  () => import('./merge.js'),
  () => import('./explore.js'),
  () => import('./shrink.js'),
  () => import('./check.js'),
  () => import('./init.js'),
  () => import('./schema.js'),
];
