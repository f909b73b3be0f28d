// `ddsim validate`: placeholder until the command is wired up.
import type { Command } from 'commander';
import type { CliIo } from './index.js';

export function define(program: Command, _io: CliIo): void {
  program.command('validate').description('(not yet implemented)');
}
