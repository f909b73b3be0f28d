// The file of `--report <file.html>` (run and sweep): refused before anything runs when it exists
// and --force was not given (as sweep's --out is: exit 2), and written atomically (a temporary
// file beside it, then a rename), so that a reader never sees half a report and an interrupted
// run leaves the old file as it was.

import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, type InputProblem } from './errors.js';

const reportProblem = (file: string, message: string, hint?: string): InputProblem => ({
  file: `--report ${file}`,
  line: 0,
  column: 0,
  path: '',
  message,
  ...(hint ? { hint } : {}),
});

/** The report's absolute path; throws (exit 2) when it exists (and is not empty) without --force, or its folder does not. */
export function checkReportTarget(file: string, options: { readonly cwd: string; readonly force: boolean }): string {
  const path = resolve(options.cwd, file);
  if (!existsSync(dirname(path))) throw new InputError([reportProblem(file, `the folder ${dirname(path)} does not exist`)]);
  if (!options.force && existsSync(path) && statSync(path).size > 0) {
    throw new InputError([reportProblem(file, 'the file exists', 'add --force to replace it')]);
  }
  return path;
}

export function writeReportAtomically(file: string, path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new InputError([reportProblem(file, `cannot write: ${(error as Error).message}`)]);
  }
}
