// Terminal manners: colour only on a terminal and never with NO_COLOR; spinners only on a terminal.

import type { CliIo } from './commands/index.js';

export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

export function outputWidth(io: CliIo): number {
  const columns = io.stdout.columns;
  return typeof columns === 'number' && columns > 0 ? columns : 100;
}

export function canShowProgress(io: CliIo): boolean {
  return io.stderr.isTTY === true && !io.env.CI;
}
