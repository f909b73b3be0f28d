// Writes a format's Markdown job summary: appended (never overwritten: earlier steps' summaries
// are in the same file) to the file $GITHUB_STEP_SUMMARY names, or, without it, to stdout after
// the output. A file that cannot be written is reported on stderr and the summary goes to stdout
// instead: the exit code stays the run's.

import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { JOB_SUMMARY_ENV } from '../output/output-format.js';
import type { CliIo } from './cli-io.js';

export function writeJobSummary(io: CliIo, markdown: string): void {
  if (markdown === '') return;
  const file = io.env[JOB_SUMMARY_ENV];
  if (file === undefined || file === '') {
    io.stdout.write(`\n${markdown}`);
    return;
  }
  try {
    appendFileSync(resolve(io.cwd, file), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  } catch (error) {
    io.stderr.write(`warning: cannot append the job summary to $${JOB_SUMMARY_ENV} (${file}): ${(error as Error).message}; it follows on stdout\n`);
    io.stdout.write(`\n${markdown}`);
  }
}
