// Reads Jepsen's log lines for a register, as in the etcd histories porcupine tests with:
// `INFO  jepsen.util - <process> :<invoke|ok|fail|info> :<f> <value>`, separated by tabs or
// spaces. Values: `nil`, an integer, `[from to]` for cas, or `:timed-out`. Lines that are not
// jepsen.util operation lines are ignored; a malformed operation line is an error. Operations of
// the nemesis (a non-numeric process) are ignored too.

import { HistoryError, type HistoryEvent } from './history.js';

const OPERATION_LINE = /jepsen\.util\s+-\s+(\S+)\s+:(invoke|ok|fail|info)\s+:([\w-]+)\s+(.*?)\s*$/;
const MARKER = /jepsen\.util\s+-\s+/;

/** True when the text looks like a Jepsen log (one of its first lines is an operation line). */
export function looksLikeJepsenLog(text: string): boolean {
  return text
    .split('\n', 50)
    .some((line) => OPERATION_LINE.test(line));
}

export function parseJepsenLog(text: string): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (!MARKER.test(raw)) return;
    const match = OPERATION_LINE.exec(raw);
    if (!match) {
      throw new HistoryError('expected `<process> :<type> :<f> <value>` after `jepsen.util -`', line, 1);
    }
    const [, processText, type, f, valueText] = match;
    if (!/^\d+$/.test(processText)) return;
    events.push({
      process: Number(processText),
      type: type as HistoryEvent['type'],
      f,
      value: parseLogValue(valueText, line),
      line,
    });
  });
  return events;
}

function parseLogValue(text: string, line: number): unknown {
  if (text === 'nil' || text === '') return null;
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text.startsWith(':')) return text.slice(1);
  const pair = /^\[\s*(-?\d+|nil)\s+(-?\d+|nil)\s*\]$/.exec(text);
  if (pair) return [pair[1] === 'nil' ? null : Number(pair[1]), pair[2] === 'nil' ? null : Number(pair[2])];
  throw new HistoryError(`cannot read the value ${JSON.stringify(text)}`, line, 1);
}
