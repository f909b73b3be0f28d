// An exploration for a terminal: what was explored (kinds, nodes, faults per run, lengths, runs),
// how many runs failed, the triage table (one row per expectation and set of fault kinds), each
// shrunk failure, and the files to run. Everything here is in the JSON too (explore-json.ts).

import type { ExploreSummary, FailureSummary } from '../explore/explore-summary.js';
import { formatDuration } from '../model/describe.js';
import { shrinkLines } from './shrink-report.js';
import { createPalette, type Palette } from './style.js';
import { renderTable } from './table-frame.js';

export interface ExploreReportOptions {
  readonly color: boolean;
  readonly widthColumns: number;
}

/** Failures whose files are listed when they are not shrunk. */
const FAILURE_LINES_MAX = 20;

export function renderExploreReport(summary: ExploreSummary, options: ExploreReportOptions): string {
  const palette = createPalette(options.color);
  const lines = [...headingLines(summary, palette)];
  if (summary.groups.length > 0) {
    lines.push(...section('Failures by expectation and fault kinds', triageTable(summary, options.widthColumns), options.widthColumns, palette));
  }
  // One shrunk failure per triage group (its first run): the others are the same bug, and in the JSON.
  const firstRuns = new Set(summary.groups.map((group) => group.runs[0]));
  for (const failure of summary.failures) {
    if (failure.shrunk === null || !firstRuns.has(failure.index)) continue;
    const title = `Shrunk run ${failure.index} (${failure.failureText})`;
    lines.push(...section(title, shrinkLines({ ...failure.shrunk, failureText: failure.failureText }, palette, options.widthColumns), options.widthColumns, palette));
  }
  lines.push('', ...verdictLines(summary, palette));
  return `${lines.join('\n')}\n`;
}

function headingLines(summary: ExploreSummary, palette: Palette): string[] {
  const { settings } = summary;
  const shard = summary.shard === null ? '' : `  shard ${summary.shard.index}/${summary.shard.count}`;
  const targets = [...settings.targetNames, ...settings.targetRoles.map((role) => `role ${role}`)].join(', ');
  const perRun = settings.faultsPerRun.min === settings.faultsPerRun.max ? `${settings.faultsPerRun.min}` : `${settings.faultsPerRun.min}..${settings.faultsPerRun.max}`;
  return [
    `${palette.heading('Explore')} ${palette.bold(summary.file)}  explore seed ${summary.exploreSeed}${shard}  ${palette.dim(`(explore ${summary.fingerprint})`)}`,
    palette.dim(`faults ${settings.faultNames.join(', ')} · on ${targets} · ${perRun} per run · for ${formatDuration(settings.forRangeUs.minUs)}..${formatDuration(settings.forRangeUs.maxUs)}`),
    countsLine(summary, palette),
  ];
}

function countsLine(summary: ExploreSummary, palette: Palette): string {
  const failed = summary.failures.length;
  const parts = [`${summary.doneRuns} of ${summary.plannedRuns} runs`];
  parts.push(failed === 0 ? palette.pass('no failure') : palette.fail(`${failed} failed`));
  if (summary.toolErrors.length > 0) parts.push(palette.fail(`${summary.toolErrors.length} could not be run (a ddsim bug)`));
  const stop = summary.stoppedAt === null ? '' : ` — stopped at the first failure, run ${summary.stoppedAt} (--keep-going explores on)`;
  return `${parts.join(', ')}${stop}`;
}

/** One row per group, then each group's first reproducer (paths are too long for a column). */
function triageTable(summary: ExploreSummary, widthColumns: number): string[] {
  const anyShrunk = summary.groups.some((group) => group.shrunk);
  const rows = summary.groups.map((group, i) => [
    String(i + 1),
    group.failure,
    `${group.faultKinds.join(', ') || '(none)'}${anyShrunk && !group.shrunk ? ' (not shrunk)' : ''}`,
    String(group.runs.length),
    runList(group.runs),
    String(group.faultCount),
  ]);
  const head = ['', 'failed', anyShrunk ? 'fault kinds (shrunk)' : 'fault kinds', 'runs', 'run numbers', anyShrunk ? 'faults left' : 'faults'];
  const table = renderTable({ head, rows, flexibleColumn: 2, alignRight: [0, 3, 5], widthColumns });
  const files = summary.groups.map((group, i) => `${i + 1}: ${group.file === null ? '(not written)' : `ddsim run ${group.file}`}`);
  return [...table, ...files];
}

function runList(runs: readonly number[]): string {
  const shown = runs.slice(0, 5).join(', ');
  return runs.length > 5 ? `${shown}, … (${runs.length - 5} more)` : shown;
}

function verdictLines(summary: ExploreSummary, palette: Palette): string[] {
  const lines: string[] = [];
  const unshrunk = summary.failures.filter((failure) => failure.shrunk === null);
  for (const failure of unshrunk.slice(0, FAILURE_LINES_MAX)) lines.push(failureLine(failure, palette));
  if (unshrunk.length > FAILURE_LINES_MAX) lines.push(palette.dim(`… and ${unshrunk.length - FAILURE_LINES_MAX} more failures (all in the --out file)`));
  for (const error of summary.toolErrors.slice(0, FAILURE_LINES_MAX)) lines.push(`${palette.fail('✗')} run ${error.index}: ddsim could not run it: ${error.error.split('\n')[0]}`);
  if (summary.failures.length === 0 && summary.toolErrors.length === 0) {
    lines.push(`${palette.pass('✓')} every expectation held in all ${summary.doneRuns} runs`);
  } else if (unshrunk.length > 0) {
    lines.push(palette.dim('Shrink one: ddsim shrink <reproducer>  (or explore with --shrink)'));
  }
  return lines;
}

function failureLine(failure: FailureSummary, palette: Palette): string {
  const file = failure.reproducer === null ? '' : `: ddsim run ${failure.reproducer}`;
  return `${palette.fail('✗')} run ${failure.index} (seed ${failure.seed}, ${failure.faults.length} fault${failure.faults.length === 1 ? '' : 's'}) fails ${failure.failureText}${file}`;
}

function section(title: string, body: readonly string[], width: number, palette: Palette): string[] {
  const rule = '─'.repeat(Math.max(0, width - title.length - 4));
  return ['', palette.heading(`── ${title} `) + palette.dim(rule), ...body];
}
