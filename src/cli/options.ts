// Parsing of command-line option values shared by several commands.

import { InputError } from './errors.js';

/** Parses `--seed` (a non-negative integer). */
export function parseSeedOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw new InputError([
      { file: '--seed', line: 0, column: 0, path: 'seed', message: `"${value}" is not a non-negative integer`, hint: 'e.g. --seed 42' },
    ]);
  }
  return Number(value);
}

export function collectRepeatable(value: string, previous: string[]): string[] {
  return [...previous, value];
}
