// Which stretch of a run the message diagram shows, and how to capture it. By default a window of
// MESSAGE_WINDOW_DEFAULT_US around the first violation mark (where a check points at the bug),
// else around the first fault, else the run's start; `--messages A..B` gives it explicitly (a
// single time: the default width centred on it). The capture runs a little past the window (the
// tail) so that messages sent near its end still show where they went; only messages SENT in the
// window are drawn, at most MESSAGE_ARROWS_MAX of them.

import { CAPTURE_EVENT_COUNT_MAX_DEFAULT, type CaptureOptions } from '../capture/event-capture.js';
import type { RunResult } from '../result/run-result.js';
import { formatSecondsPrecise } from './number-format.js';
import { violationMarks } from './violation-markers.js';

export const MESSAGE_WINDOW_DEFAULT_US = 500_000;
export const MESSAGE_ARROWS_MAX = 2_000;
/** The capture keeps message bodies up to this long (the diagram shows them on click). */
export const MESSAGE_BODY_CHARS_MAX = 500;
/** The tail after the window: a fifth of its width, at least this. */
const TAIL_US_MIN = 10_000;

export interface MessageWindow {
  readonly fromUs: number;
  readonly toUs: number;
  /** Why this window, in words: "around the first violation (…)", "as asked (--messages)". */
  readonly reason: string;
}

export function defaultMessageWindow(result: RunResult): MessageWindow {
  const endUs = result.endMs * 1000;
  const firstMark = violationMarks(result.expectations).sort((a, b) => a.atMs - b.atMs)[0];
  if (firstMark !== undefined) {
    return centredWindow(firstMark.atMs * 1000, endUs, `around the first violation mark (${formatSecondsPrecise(firstMark.atMs * 1000)}: ${firstMark.label})`);
  }
  const firstFault = [...result.faults].filter((fault) => !fault.skipped).sort((a, b) => a.atUs - b.atUs)[0];
  if (firstFault !== undefined) {
    return centredWindow(firstFault.atUs, endUs, `around the first fault (${formatSecondsPrecise(firstFault.atUs)}: ${firstFault.label})`);
  }
  return { fromUs: 0, toUs: Math.min(endUs, MESSAGE_WINDOW_DEFAULT_US), reason: 'the start of the run (no violation mark, no fault)' };
}

/** `--messages A..B`, or a single time (A = B): the default width centred on it. */
export function explicitMessageWindow(range: { readonly minUs: number; readonly maxUs: number }): MessageWindow {
  if (range.minUs === range.maxUs) return centredWindow(range.minUs, Infinity, `centred on ${formatSecondsPrecise(range.minUs)} (--messages)`);
  return { fromUs: range.minUs, toUs: range.maxUs, reason: 'as asked (--messages)' };
}

function centredWindow(centreUs: number, endUs: number, reason: string): MessageWindow {
  const half = MESSAGE_WINDOW_DEFAULT_US / 2;
  const fromUs = Math.max(0, Math.min(centreUs - half, endUs - MESSAGE_WINDOW_DEFAULT_US));
  return { fromUs, toUs: Math.max(fromUs, Math.min(endUs, fromUs + MESSAGE_WINDOW_DEFAULT_US)), reason };
}

export function messageTailUs(window: MessageWindow): number {
  return Math.max(TAIL_US_MIN, Math.round((window.toUs - window.fromUs) / 5));
}

/** What to capture for the diagram of `window`: the window and its tail, bounded. */
export function messageCaptureOptions(window: MessageWindow): CaptureOptions {
  return {
    fromUs: window.fromUs,
    toUs: window.toUs + messageTailUs(window),
    eventCountMax: CAPTURE_EVENT_COUNT_MAX_DEFAULT,
    bodyCharsMax: MESSAGE_BODY_CHARS_MAX,
  };
}
