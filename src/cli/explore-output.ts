// The exploration's JSON Lines file on disk, as the sweep's (sweep-output.ts): started with a
// header, or with --resume read back (checked to be the same exploration and shard, a half-written
// last line cut off), then appended to one whole line at a time with synchronous writes, so an
// interruption leaves only complete lines. An existing file is never replaced without --force.

import { existsSync, readFileSync, truncateSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  parseExploreJsonl,
  recordLine,
  type ExploreHeaderRecord,
  type ExploreRunRecord,
  type ShrunkRecord,
} from '../explore/explore-record.js';
import { InputError } from './errors.js';
import { openLineAppender, outProblem, refuseExistingOut, writeWhole } from './sweep-output.js';

export interface ExploreOutput {
  append(record: ExploreRunRecord | ShrunkRecord): void;
  close(): void;
}

export interface OpenedExploreOutput {
  readonly output: ExploreOutput;
  readonly previousRuns: readonly ExploreRunRecord[];
  readonly previousShrunk: readonly ShrunkRecord[];
}

export function openExploreOutput(file: string, options: { cwd: string; resume: boolean; force: boolean; header: ExploreHeaderRecord }): OpenedExploreOutput {
  const path = resolve(options.cwd, file);
  if (!options.resume) refuseExistingOut(file, path, options.force, 'add --resume to carry on with the runs it holds, or --force to replace it');
  let previous: ReturnType<typeof readResumable> = { runs: [], shrunk: [] };
  if (options.resume && existsSync(path)) previous = readResumable(file, path, options.header);
  else writeWhole(file, path, `${recordLine(options.header)}\n`);
  const lines = openLineAppender(file, path);
  return {
    previousRuns: previous.runs,
    previousShrunk: previous.shrunk,
    output: { append: (record) => lines.append(recordLine(record)), close: lines.close },
  };
}

function readResumable(file: string, path: string, header: ExploreHeaderRecord): { runs: readonly ExploreRunRecord[]; shrunk: readonly ShrunkRecord[] } {
  const text = readFileSync(path, 'utf8');
  const parsed = parseExploreJsonl(text);
  if (parsed.header === null) {
    if (text.trim() === '') {
      writeWhole(file, path, `${recordLine(header)}\n`);
      return { runs: [], shrunk: [] };
    }
    throw new InputError([outProblem(file, 'is not an explore results file (no explore header line)', 'give another --out, or leave out --resume and add --force to replace it')]);
  }
  if (parsed.problems.length > 0) throw new InputError(parsed.problems.map((message) => outProblem(file, message)));
  if (parsed.header.explore !== header.explore) {
    throw new InputError([
      outProblem(
        file,
        `holds another exploration (${parsed.header.explore}, this one is ${header.explore}): the scenario file, --set, --seed or the explore settings differ`,
        'leave out --resume and add --force to start over, or use another --out',
      ),
    ]);
  }
  if (JSON.stringify(parsed.header.shard) !== JSON.stringify(header.shard)) {
    const shardText = (shard: ExploreHeaderRecord['shard']) => (shard === null ? 'the whole exploration' : `shard ${shard.index}/${shard.count}`);
    throw new InputError([outProblem(file, `holds ${shardText(parsed.header.shard)}, not ${shardText(header.shard)}`)]);
  }
  if (parsed.completeLength < Buffer.byteLength(text, 'utf8')) truncateSync(path, parsed.completeLength);
  return { runs: parsed.runs.filter((run) => run.explore === header.explore), shrunk: parsed.shrunk.filter((record) => record.explore === header.explore) };
}
