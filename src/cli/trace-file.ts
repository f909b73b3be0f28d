// Where `ddsim run --trace` writes, and how. The paths are decided and checked before the first
// run (a missing directory, an existing file without --force, two runs on one file: exit 2): one
// scenario writes the file named; with a directory every run writes `<name>.<seed>.trace.json`
// in it; several scenarios need a directory. Each file is written only once its run is over, to
// a temporary file beside it that is then renamed, so that an error or Ctrl-C never leaves half a
// trace. Like sweep's --out, an existing file is replaced only with --force.

import { accessSync, closeSync, constants, existsSync, openSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, type InputProblem } from './errors.js';

export interface TracedRun {
  readonly name: string;
  readonly seed: number;
}

/** Text is gathered into chunks of about this size before each write. */
const WRITE_CHUNK_CHARS = 1 << 16;

const problem = (target: string, message: string, hint?: string): InputProblem => ({
  file: `--trace ${target}`,
  line: 0,
  column: 0,
  path: '',
  message,
  ...(hint === undefined ? {} : { hint }),
});

/** The absolute file each run writes, in run order; throws InputError when one cannot be written. */
export function planTracePaths(target: string, runs: readonly TracedRun[], options: { cwd: string; force: boolean }): string[] {
  const path = resolve(options.cwd, target);
  const isDirectory = existsSync(path) && statSync(path).isDirectory();
  if (!isDirectory && (runs.length > 1 || /[\\/]$/.test(target))) {
    const why = runs.length > 1 ? `with ${runs.length} scenario files --trace needs a directory (one file per run)` : 'no such directory';
    throw new InputError([problem(target, why, `create it first, e.g. mkdir -p ${target.replace(/[\\/]$/, '')}`)]);
  }
  const paths = isDirectory ? runs.map((run) => join(path, `${fileSafe(run.name)}.${run.seed}.trace.json`)) : [path];
  checkWritableDirectory(target, isDirectory ? path : dirname(path));
  const seen = new Set<string>();
  for (const file of paths) {
    if (seen.has(file)) throw new InputError([problem(target, `two runs would both write ${basename(file)}`, 'give each run its own name or seed, or trace them one at a time')]);
    seen.add(file);
    refuseExisting(target, file, options.force);
  }
  return paths;
}

function checkWritableDirectory(target: string, directory: string): void {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) {
    throw new InputError([problem(target, `no such directory: ${directory}`, 'create it first, or give another path')]);
  }
  try {
    accessSync(directory, constants.W_OK);
  } catch {
    throw new InputError([problem(target, `cannot write in ${directory}`, 'give a path in a directory you may write to')]);
  }
}

function refuseExisting(target: string, file: string, force: boolean): void {
  if (!existsSync(file)) return;
  if (statSync(file).isDirectory()) throw new InputError([problem(target, `${file} is a directory`)]);
  if (!force) throw new InputError([problem(target, `${file} exists`, 'add --force to replace it')]);
}

/** Writes `lines` (joined with newlines) to a temporary file beside `path`, then renames it into place. */
export function writeFileAtomically(path: string, lines: Iterable<string>, target: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temporary, 'w');
    try {
      let chunk = '';
      let first = true;
      for (const line of lines) {
        chunk += first ? line : `\n${line}`;
        first = false;
        if (chunk.length >= WRITE_CHUNK_CHARS) {
          writeSync(fd, chunk);
          chunk = '';
        }
      }
      writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    if (existsSync(temporary)) unlinkSync(temporary);
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error; // not the file system's: a bug
    throw new InputError([problem(target, `cannot write ${path}: ${(error as Error).message}`)]);
  }
}

/** A scenario name as a file name: anything but letters, digits, `.`, `_` and `-` becomes `_`. */
function fileSafe(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '_') || 'scenario';
}
