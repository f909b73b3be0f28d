// The sweep's JSON Lines file on disk: starts it with a header, or (with --resume) reads the runs
// already in it, checks that they belong to the same sweep and shard, and cuts off a last line
// that an interruption left half-written. Each finished run is appended with a synchronous write,
// so whatever is in the file when the process dies is complete lines. An existing file is never
// replaced without --force.

import { closeSync, existsSync, openSync, readFileSync, statSync, truncateSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSweepJsonl, recordLine, type RunRecord, type SweepHeaderRecord } from '../sweep/sweep-record.js';
import { InputError, type InputProblem } from './errors.js';

export interface SweepOutput {
  append(record: RunRecord): void;
  close(): void;
}

export interface OpenedOutput {
  readonly output: SweepOutput;
  /** Runs found in the file (resume), in file order. */
  readonly previous: readonly RunRecord[];
}

/** A problem with the `--out` file (sweep and explore). */
export const outProblem = (file: string, message: string, hint?: string): InputProblem => ({
  file: `--out ${file}`,
  line: 0,
  column: 0,
  path: '',
  message,
  ...(hint ? { hint } : {}),
});

export function openSweepOutput(
  file: string,
  options: { cwd: string; resume: boolean; force?: boolean; header: SweepHeaderRecord },
): OpenedOutput {
  const path = resolve(options.cwd, file);
  let previous: RunRecord[] = [];
  if (!options.resume) refuseExistingOut(file, path, options.force === true, 'add --resume to carry on with the runs it holds, or --force to replace it');
  if (options.resume && existsSync(path)) {
    previous = [...readResumable(file, path, options.header)];
  } else {
    writeWhole(file, path, `${recordLine(options.header)}\n`);
  }
  const lines = openLineAppender(file, path);
  return { previous, output: { append: (record) => lines.append(recordLine(record)), close: lines.close } };
}

/** Appends whole lines to an --out file (each written at once, so an interruption keeps whole lines). */
export function openLineAppender(file: string, path: string): { append(line: string): void; close(): void } {
  let fd: number;
  try {
    fd = openSync(path, 'a');
  } catch (error) {
    throw new InputError([outProblem(file, `cannot open for writing: ${(error as Error).message}`)]);
  }
  return {
    append: (line) => {
      writeSync(fd, `${line}\n`);
    },
    close: () => closeSync(fd),
  };
}

/** An existing, non-empty --out file is replaced only with --force: it may hold another sweep's results. */
export function refuseExistingOut(file: string, path: string, force: boolean, hint = 'add --force to replace it'): void {
  if (force || !existsSync(path) || statSync(path).size === 0) return;
  throw new InputError([outProblem(file, 'the file exists', hint)]);
}

/** Writes an --out file's first contents (the header line). */
export function writeWhole(file: string, path: string, text: string): void {
  try {
    const fd = openSync(path, 'w');
    writeSync(fd, text);
    closeSync(fd);
  } catch (error) {
    throw new InputError([outProblem(file, `cannot write: ${(error as Error).message}`)]);
  }
}

function readResumable(file: string, path: string, header: SweepHeaderRecord): readonly RunRecord[] {
  const text = readFileSync(path, 'utf8');
  const parsed = parseSweepJsonl(text);
  if (parsed.header === null) {
    if (text.trim() === '') {
      writeWhole(file, path, `${recordLine(header)}\n`);
      return [];
    }
    throw new InputError([outProblem(file, 'is not a sweep results file (no sweep header line)', 'give another --out, or leave out --resume to overwrite it')]);
  }
  if (parsed.problems.length > 0) throw new InputError(parsed.problems.map((message) => outProblem(file, message)));
  if (parsed.header.sweep !== header.sweep) {
    throw new InputError([
      outProblem(
        file,
        `holds another sweep (${parsed.header.sweep}, this one is ${header.sweep}): the scenario file, --set, --vary or --seeds differ`,
        'leave out --resume to start over, or use another --out',
      ),
    ]);
  }
  if (JSON.stringify(parsed.header.shard) !== JSON.stringify(header.shard)) {
    const shardText = (shard: SweepHeaderRecord['shard']) => (shard === null ? 'the whole sweep' : `shard ${shard.index}/${shard.count}`);
    throw new InputError([outProblem(file, `holds ${shardText(parsed.header.shard)}, not ${shardText(header.shard)}`)]);
  }
  if (parsed.completeLength < Buffer.byteLength(text, 'utf8')) truncateSync(path, parsed.completeLength);
  return parsed.runs;
}
