// Draws a witness as a small text timeline: one lane per process, each operation a bar from its
// invocation to its completion. Time is compressed to the order of events (only order matters to
// linearizability), so bars are as wide as their labels need. Returns lines; prints nothing.

import type { Operation } from './history.js';
import type { SequentialModel } from './model.js';

interface Bar {
  readonly operation: Operation;
  readonly label: string;
}

/** Lines of the timeline for `operations` (at most a few dozen: it is meant for witnesses). */
export function renderTimeline(operations: readonly Operation[], model: SequentialModel<any>): string[] {
  if (operations.length === 0) return [];
  const bars: Bar[] = operations.map((operation) => ({
    operation,
    label: `${model.describeOperation(operation)}`,
  }));
  const columns = columnsOf(bars);
  const lanes = laneOrder(operations);
  const laneNameWidth = Math.max(...lanes.map((process) => `process ${String(process)}`.length));
  const totalWidth = Math.max(...bars.map((bar) => endColumn(bar, columns)));
  const lines: string[] = [];
  for (const process of lanes) {
    const row: string[] = Array.from({ length: totalWidth + 1 }, () => ' ');
    for (const bar of bars.filter((candidate) => candidate.operation.process === process)) {
      const start = columns.get(bar.operation.callTime) as number;
      const end = endColumn(bar, columns);
      const open = bar.operation.returnTime === Infinity;
      const body = `[${bar.label}`.padEnd(end - start, open ? '·' : '-') + (open ? '…' : ']');
      for (let index = 0; index < body.length; index += 1) row[start + index] = body[index];
    }
    lines.push(`${`process ${String(process)}`.padEnd(laneNameWidth)}  ${row.join('').trimEnd()}`);
  }
  return lines;
}

/** Column of every finite time point, so that each bar fits its label. */
function columnsOf(bars: readonly Bar[]): Map<number, number> {
  const times = [
    ...new Set(bars.flatMap((bar) => [bar.operation.callTime, bar.operation.returnTime]).filter(Number.isFinite)),
  ].sort((a, b) => a - b);
  const columns = new Map<number, number>();
  let previous = -1;
  for (const time of times) {
    let column = previous + 1;
    for (const bar of bars) {
      if (bar.operation.returnTime === time) {
        column = Math.max(column, (columns.get(bar.operation.callTime) as number) + bar.label.length + 1);
      }
    }
    columns.set(time, column);
    previous = column;
  }
  return columns;
}

function endColumn(bar: Bar, columns: ReadonlyMap<number, number>): number {
  if (bar.operation.returnTime !== Infinity) return columns.get(bar.operation.returnTime) as number;
  return (columns.get(bar.operation.callTime) as number) + bar.label.length + 3;
}

/** Processes in order of their first invocation. */
function laneOrder(operations: readonly Operation[]): (number | string)[] {
  const sorted = [...operations].sort((a, b) => a.callTime - b.callTime || a.id - b.id);
  return [...new Set(sorted.map((operation) => operation.process))];
}
