// The body of `ddsim merge`: read every file, check they hold one sweep (same fingerprint) with
// no run twice, rebuild the plan from the header, and summarize exactly as `ddsim sweep` does.

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { suggestionHint } from '../scenario/did-you-mean.js';
import { collectRuns, type SourcedRecord } from '../sweep/collect-runs.js';
import { summarizeSweep } from '../sweep/summarize.js';
import { buildSweepPlan } from '../sweep/sweep-plan.js';
import { definitionOf, parseSweepJsonl, recordLine, type SweepHeaderRecord } from '../sweep/sweep-record.js';
import type { CliIo } from './cli-io.js';
import { InputError, type InputProblem } from './errors.js';
import { unreadableProblem } from '../io/scenario-file.js';
import { refuseExistingOut } from './sweep-output.js';
import { setSweepExitCode, writeSummary, type SummaryFormat } from './sweep-summary-output.js';

export interface MergeRunOptions {
  readonly out?: string;
  readonly metrics?: string;
  readonly grid?: string;
  readonly format: SummaryFormat;
  readonly fail: boolean;
  /** Replace an existing --out file (otherwise refused). */
  readonly force?: boolean;
  /** `--pool a,b`: histograms to pool (the runs carry their samples when swept with --pool). */
  readonly pool?: string;
}

/** Runs named in a message before "... and N more". */
const LISTED_MAX = 10;

const fileProblem = (file: string, message: string, hint?: string): InputProblem => ({
  file,
  line: 0,
  column: 0,
  path: '',
  message,
  ...(hint ? { hint } : {}),
});

export async function mergeSweepFiles(files: readonly string[], options: MergeRunOptions, io: CliIo): Promise<void> {
  const problems: InputProblem[] = [];
  const headers: { file: string; header: SweepHeaderRecord }[] = [];
  const sourced: SourcedRecord[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(resolve(io.cwd, file), 'utf8');
    } catch (error) {
      problems.push({ ...unreadableProblem(file, error), message: unreadableProblem(file, error).message.replace('the scenario', 'the results') });
      continue;
    }
    const parsed = parseSweepJsonl(text);
    for (const message of parsed.problems) problems.push(fileProblem(file, message));
    if (parsed.header === null) {
      problems.push(fileProblem(file, 'has no sweep header line', 'give files written by ddsim sweep --out'));
      continue;
    }
    headers.push({ file, header: parsed.header });
    for (const record of parsed.runs) sourced.push({ source: file, record });
  }
  const first = headers[0];
  for (const { file, header } of headers.slice(1)) {
    if (header.sweep !== first.header.sweep) {
      problems.push(fileProblem(file, `holds sweep ${header.sweep}, but ${first.file} holds ${first.header.sweep}`, 'merge only the shards of one sweep'));
    }
  }
  if (problems.length > 0 || first === undefined) throw new InputError(problems);

  const plan = buildSweepPlan(definitionOf(first.header));
  const collected = collectRuns(plan, sourced);
  const collectProblems: InputProblem[] = [
    ...collected.foreign.slice(0, LISTED_MAX).map((text) => fileProblem(text.split(': ')[0], `run "${text.split(': ').slice(1).join(': ')}" is not part of the sweep`)),
    ...collected.overlaps.slice(0, LISTED_MAX).map((overlap) =>
      fileProblem(overlap.sources.join(', '), `run "${overlap.id}" appears ${overlap.sources.length} times`, 'shards overlap: merge each shard once'),
    ),
  ];
  if (collectProblems.length > 0) throw new InputError(collectProblems);

  const metrics = chooseMetrics(options.metrics, first.header, sourced);
  const pool = options.pool === undefined ? [] : choosePool(options.pool, sourced);
  if (collected.missing.length > 0) {
    const listed = collected.missing.slice(0, LISTED_MAX).map((run) => `  ${run.id}`);
    const more = collected.missing.length > LISTED_MAX ? [`  ... and ${collected.missing.length - LISTED_MAX} more`] : [];
    io.stderr.write([`${collected.missing.length} of ${plan.runs.length} runs missing:`, ...listed, ...more].join('\n') + '\n');
  }
  if (options.out !== undefined) {
    refuseExistingOut(options.out, resolve(io.cwd, options.out), options.force === true);
    const header: SweepHeaderRecord = { ...first.header, metrics, shard: null };
    const lines = [header, ...collected.records].map(recordLine);
    writeFileSync(resolve(io.cwd, options.out), `${lines.join('\n')}\n`);
  }
  const summary = summarizeSweep({
    plan,
    records: collected.records,
    expected: plan.runs,
    metrics,
    ...(options.grid === undefined ? {} : { gridMetric: options.grid }),
    ...(pool.length === 0 ? {} : { pool }),
  });
  await writeSummary(io, summary, options.format);
  setSweepExitCode(io, summary, collected.records, options.fail);
}

/** --metrics (checked against the metrics the runs recorded) or the sweep's own. */
function chooseMetrics(option: string | undefined, header: SweepHeaderRecord, sourced: readonly SourcedRecord[]): readonly string[] {
  if (option === undefined) return header.metrics;
  const names = option.split(',').map((name) => name.trim()).filter((name) => name !== '');
  const recorded = [...new Set(sourced.flatMap((item) => Object.keys(item.record.metrics)))].sort();
  const unknown = names.filter((name) => recorded.length > 0 && !recorded.includes(name));
  if (unknown.length > 0) {
    throw new InputError(unknown.map((name) => fileProblem('--metrics', `no run recorded the metric "${name}"`, suggestionHint(name, recorded, 'metrics'))));
  }
  return names;
}

/** --pool: histograms some run carries samples of (written by ddsim sweep --pool). */
function choosePool(option: string, sourced: readonly SourcedRecord[]): readonly string[] {
  const names = [...new Set(option.split(',').map((name) => name.trim()).filter((name) => name !== ''))];
  const carried = [...new Set(sourced.flatMap((item) => Object.keys(item.record.pooled ?? {})))].sort();
  const missing = names.filter((name) => !carried.includes(name));
  if (names.length === 0) throw new InputError([fileProblem('--pool', 'name at least one histogram', 'e.g. --pool leader.election-time')]);
  if (missing.length > 0) {
    throw new InputError(
      missing.map((name) => fileProblem('--pool', `no run carries the samples of "${name}"`, carried.length > 0 ? `pooled: ${carried.join(', ')}` : `sweep with --pool ${name} to keep them`)),
    );
  }
  return names;
}
