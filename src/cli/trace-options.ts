// `ddsim run`'s --trace, --trace-window and --trace-max-events: parsed and checked before any
// scenario runs (bad values are located usage errors, exit 2), into the capture's bounds.

import { CAPTURE_BODY_CHARS_MAX_DEFAULT, CAPTURE_EVENT_COUNT_MAX_DEFAULT, type CaptureOptions } from '../capture/event-capture.js';
import { parseDurationUs } from '../scenario/units.js';
import { InputError, type InputProblem } from './errors.js';

/** A trace of more events than this would not fit in memory comfortably (nor open in a browser). */
export const TRACE_EVENT_COUNT_MAX_LIMIT = 1_000_000;

export interface TraceCliOptions {
  readonly trace?: string;
  readonly traceWindow?: string;
  readonly traceMaxEvents?: string;
}

export interface TraceRequest {
  /** As given: a file, or a directory for one file per run. */
  readonly target: string;
  readonly capture: CaptureOptions;
}

const problem = (option: string, value: string, message: string, hint?: string): InputProblem => ({
  file: value === '' ? option : `${option} ${value}`,
  line: 0,
  column: 0,
  path: '',
  message,
  ...(hint === undefined ? {} : { hint }),
});

/** The trace asked for, or null without --trace; throws InputError naming the bad option. */
export function parseTraceOptions(options: TraceCliOptions): TraceRequest | null {
  if (options.trace === undefined) {
    const orphan = options.traceWindow !== undefined ? '--trace-window' : options.traceMaxEvents !== undefined ? '--trace-max-events' : null;
    if (orphan !== null) throw new InputError([problem(orphan, '', 'needs --trace <file.json>', `e.g. --trace run.trace.json ${orphan} ...`)]);
    return null;
  }
  if (options.trace.trim() === '') throw new InputError([problem('--trace', '""', 'needs a file name', 'e.g. --trace run.trace.json')]);
  const window = options.traceWindow === undefined ? { fromUs: 0, toUs: Infinity } : parseTraceWindow(options.traceWindow);
  const eventCountMax = options.traceMaxEvents === undefined ? CAPTURE_EVENT_COUNT_MAX_DEFAULT : parseTraceMaxEvents(options.traceMaxEvents);
  return { target: options.trace, capture: { ...window, eventCountMax, bodyCharsMax: CAPTURE_BODY_CHARS_MAX_DEFAULT } };
}

/** `10s..12s`, `10s..` (to the end) or `..12s` (from the start), in simulated time. */
export function parseTraceWindow(text: string): { fromUs: number; toUs: number } {
  const parts = text.split('..');
  const hint = 'e.g. --trace-window 10s..12s, 10s.. or ..500ms';
  if (parts.length !== 2) throw new InputError([problem('--trace-window', text, 'expected a range of simulated time FROM..TO', hint)]);
  const [fromText, toText] = parts.map((part) => part.trim()) as [string, string];
  const end = (side: string, value: string, fallback: number): number => {
    if (value === '') return fallback;
    const parsed = parseDurationUs(value);
    if (!parsed.ok) throw new InputError([problem('--trace-window', text, `${side}: ${parsed.message}`, parsed.hint ?? hint)]);
    return parsed.value;
  };
  const fromUs = end('from', fromText, 0);
  const toUs = end('to', toText, Infinity);
  if (toUs <= fromUs) throw new InputError([problem('--trace-window', text, 'the window must end after it starts', hint)]);
  return { fromUs, toUs };
}

function parseTraceMaxEvents(text: string): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(value >= 1 && value <= TRACE_EVENT_COUNT_MAX_LIMIT)) {
    throw new InputError([
      problem('--trace-max-events', text, `expected a whole number from 1 to ${TRACE_EVENT_COUNT_MAX_LIMIT.toLocaleString('en-US')}`, 'narrow --trace-window for a long run'),
    ]);
  }
  return value;
}
