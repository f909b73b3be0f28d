// Shrinks one failing scenario in this process (runs sliced, so Ctrl-C is seen between slices),
// with a spinner on a terminal, and writes the minimal scenario with a comment at its top saying
// how it was found and what was removed. Shared by `ddsim shrink` and `ddsim explore --shrink`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { commentLines } from '../explore/reproducer.js';
import { runScenarioText } from '../explore/run-text.js';
import { shrinkScenario, type ShrinkResult, type ShrinkSubject } from '../explore/shrink.js';
import { failureText } from '../explore/failure.js';
import type { CliIo } from './cli-io.js';
import { InputError } from './errors.js';
import { canShowProgress, spinnerOptions } from './terminal.js';

export interface ShrinkSessionOptions {
  readonly maxRuns: number;
  /** The minimal file: as the user reads it, and its absolute path. */
  readonly minFile: string;
  readonly minPath: string;
  /** How the failing scenario came about, e.g. "shrink of run 17 of `ddsim explore x.yaml`". */
  readonly origin: string;
  readonly interrupted: () => boolean;
}

export async function shrinkAndWrite(io: CliIo, subject: ShrinkSubject, options: ShrinkSessionOptions): Promise<ShrinkResult> {
  const spinner = canShowProgress(io) ? (await import('ora')).default({ ...spinnerOptions(io), text: `shrinking ${subject.file}` }).start() : null;
  let result: ShrinkResult;
  try {
    result = await shrinkScenario(subject, {
      maxRuns: options.maxRuns,
      run: (input) => runScenarioText(input, { interrupted: options.interrupted }),
      onRun: (runsSpent, faultCount) => {
        if (spinner !== null) spinner.text = `shrinking ${options.minFile}: ${runsSpent} runs, ${faultCount} fault${faultCount === 1 ? '' : 's'} left`;
      },
    });
  } finally {
    spinner?.stop();
  }
  writeMinimal(options, minimalText(subject, result, options.origin));
  return result;
}

/** The minimal scenario with its comment: what it reproduces, what was removed, what was kept. */
export function minimalText(subject: ShrinkSubject, result: ShrinkResult, origin: string): string {
  const lines = [
    `Minimized by ${origin} in ${result.runsSpent} runs: \`${failureText(subject.failure)}\` still fails.`,
    `Before: ${faults(result.before.faultCount)}, duration ${result.before.durationMs / 1000}s; after: ${faults(result.after.faultCount)}, duration ${result.after.durationMs / 1000}s.`,
    ...(result.budgetReached ? ['The run budget ran out before every step was tried.'] : []),
    ...(result.changes.length === 0 ? ['Nothing could be removed.'] : ['Removed and reduced:', ...result.changes.map((change) => `  ${change}`)]),
    ...result.kept.map((kept) => `Kept: ${kept}`),
    '',
  ];
  return commentLines(lines) + result.text;
}

function faults(count: number): string {
  return `${count} fault${count === 1 ? '' : 's'}`;
}

function writeMinimal(options: ShrinkSessionOptions, text: string): void {
  try {
    mkdirSync(dirname(options.minPath), { recursive: true });
    writeFileSync(options.minPath, text);
  } catch (error) {
    throw new InputError([{ file: options.minFile, line: 0, column: 0, path: '', message: `cannot write the minimal scenario: ${(error as Error).message}` }]);
  }
}
