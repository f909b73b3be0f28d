// Terminal manners: colour only on a terminal and never with NO_COLOR; spinners only on a terminal.

import type { CliIo } from './cli-io.js';

export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}

/** The terminal's width; when stdout is piped (`| less`), the terminal's behind stderr or $COLUMNS. */
export function outputWidth(io: CliIo): number {
  const stderr = io.stderr as { columns?: number };
  const fromEnv = Number(io.env.COLUMNS);
  for (const columns of [io.stdout.columns, stderr.columns, fromEnv]) {
    if (typeof columns === 'number' && Number.isFinite(columns) && columns > 0) return columns;
  }
  return 100;
}

export function canShowProgress(io: CliIo): boolean {
  // A terminal that reports no width (0 columns, e.g. a pty nobody sized) would make a spinner
  // redraw endlessly: no spinner there.
  const columns = (io.stderr as { columns?: number }).columns;
  return io.stderr.isTTY === true && !io.env.CI && typeof columns === 'number' && columns > 0;
}

/**
 * Options every spinner gets: stdin left alone (ora's default puts it in raw mode, which turns
 * Ctrl-C into a plain byte instead of SIGINT), and no colour where colours are off.
 */
export function spinnerOptions(io: CliIo): { stream: NodeJS.WriteStream; discardStdin: false; color: 'cyan' | false } {
  const colorOff = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  return { stream: io.stderr as NodeJS.WriteStream, discardStdin: false, color: colorOff ? false : 'cyan' };
}
