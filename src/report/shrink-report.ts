// A shrunk failure for a terminal: a before/after table (faults, simulated duration, events),
// the runs spent, what was removed or reduced and what was kept, and the command that runs the
// minimal scenario. Shared by `ddsim shrink` and `ddsim explore --shrink`.

import type { ShrinkFigures } from '../explore/explore-record.js';
import { formatGrouped, formatSecondsShort } from './number-format.js';
import type { Palette } from './style.js';
import { renderTable } from './table-frame.js';

export interface ShrinkReport {
  readonly failureText: string;
  readonly minFile: string;
  readonly before: ShrinkFigures;
  readonly after: ShrinkFigures;
  readonly runsSpent: number;
  readonly budgetReached: boolean;
  readonly changes: readonly string[];
  readonly kept?: readonly string[];
}

export function shrinkLines(report: ShrinkReport, palette: Palette, widthColumns: number): string[] {
  const rows = [
    ['faults', String(report.before.faultCount), String(report.after.faultCount)],
    ['duration', formatSecondsShort(report.before.durationMs), formatSecondsShort(report.after.durationMs)],
    ['events', formatGrouped(report.before.events, 0), formatGrouped(report.after.events, 0)],
  ];
  const table = renderTable({ head: ['', 'before', 'after'], rows, flexibleColumn: 0, alignRight: [1, 2], widthColumns });
  const budget = report.budgetReached ? palette.warning(' (the run budget ran out: not every step was tried; raise it to shrink further)') : '';
  const lines = [...table, `${report.runsSpent} runs spent${budget}; \`${report.failureText}\` still fails`];
  if (report.changes.length > 0) lines.push(...report.changes.map((change) => `  ${change}`));
  else lines.push('  nothing could be removed');
  for (const kept of report.kept ?? []) lines.push(palette.dim(`  ${kept}`));
  lines.push(`${palette.bold('Reproduce:')} ddsim run ${report.minFile}`);
  return lines;
}
