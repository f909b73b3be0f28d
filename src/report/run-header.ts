// The top of the terminal report: scenario, verdict, description, file, seed, sets, simulated
// time, events and wall time (the only non-deterministic figure, shown only here), and a
// prominent warning when the event budget cut the run short.

import type { RunResult, RunTiming } from '../result/run-result.js';
import { formatGrouped, formatSecondsPrecise } from './number-format.js';
import type { Palette } from './style.js';
import { padStartVisible, truncateEnd, truncateStart, visibleLength, wrapWords } from './text-layout.js';

const ITEM_GAP = '   ';

export function renderHeader(result: RunResult, timing: RunTiming, widthColumns: number, palette: Palette): string[] {
  const lines = [titleLine(result, widthColumns, palette)];
  if (result.description.trim() !== '') lines.push(...wrapWords(result.description.trim(), widthColumns));
  lines.push(...packItems(sourceItems(result, widthColumns, palette), widthColumns));
  lines.push(...packItems(timeItems(result, timing, palette), widthColumns));
  const warning = stopWarning(result);
  if (warning !== null) {
    const [first, ...rest] = wrapWords(warning, widthColumns - 11);
    lines.push('', palette.warning('!! WARNING ') + first, ...rest.map((line) => ' '.repeat(11) + line));
  }
  return lines;
}

/** Why a run that did not complete stopped, in words; null for a completed run. */
export function stopWarning(result: RunResult): string | null {
  const end = formatSecondsPrecise(result.endMs * 1000);
  switch (result.stopReason) {
    case 'completed':
      return null;
    case 'event-budget-exhausted':
      return `the event budget ran out at ${end} of ${formatSecondsPrecise(result.durationMs * 1000)} simulated: the run was cut short and every figure below covers only that part. Raise the event budget or shorten the scenario.`;
    case 'pending-limit-reached':
      return `the run was stopped: ${result.stopDetail ?? 'too many events pending'}. Every figure below covers only the part before.`;
    case 'drain-limit-reached':
      return `work was still outstanding at ${end}, when the drain after the workload reached the model's limit: requests never got an answer (a liveness failure).`;
  }
}

function titleLine(result: RunResult, widthColumns: number, palette: Palette): string {
  const verdict = result.ok ? palette.pass('✓ PASS') : palette.fail('✗ FAIL');
  const verdictWidth = visibleLength(verdict);
  const name = palette.heading(truncateEnd(result.scenario, widthColumns - verdictWidth - 2));
  return name + padStartVisible(verdict, widthColumns - visibleLength(name));
}

function sourceItems(result: RunResult, widthColumns: number, palette: Palette): string[] {
  const items = [
    `${palette.dim('file')} ${truncateStart(result.file, widthColumns - 5)}`,
    `${palette.dim('seed')} ${result.seed}`,
  ];
  if (result.sets.length > 0) {
    items.push(`${palette.dim('sets')} ${truncateEnd(result.sets.join(', '), widthColumns - 5)}`);
  }
  return items;
}

function timeItems(result: RunResult, timing: RunTiming, palette: Palette): string[] {
  const items = [`${palette.dim('simulated')} ${formatSecondsPrecise(result.durationMs * 1000)}`];
  if (result.stopReason === 'completed' && result.endMs > result.durationMs) {
    items.push(`${palette.dim('drained until')} ${formatSecondsPrecise(result.endMs * 1000)}`);
  }
  const events = result.metrics['events'];
  if (events !== undefined) items.push(`${palette.dim('events')} ${formatGrouped(events, 0)}`);
  items.push(`${palette.dim('wall time')} ${formatSecondsPrecise(Math.round(timing.wallMs) * 1000)}`);
  return items;
}

/** Places items on lines, several per line when they fit. */
function packItems(items: readonly string[], widthColumns: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const candidate = line === '' ? item : line + ITEM_GAP + item;
    if (line !== '' && visibleLength(candidate) > widthColumns) {
      lines.push(line);
      line = item;
    } else {
      line = candidate;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
