// A time axis for the report's SVG drawings: tick lines and labels in seconds at the "nice"
// steps the terminal axis uses (src/report/time-axis.ts), for any window [fromMs, toMs].

import { formatSecondsShort } from '../number-format.js';
import { chooseTickStepMs } from '../time-axis.js';
import { escapeHtml, px } from './html-escape.js';

/** Roughly how wide one character of a tick label is, to space the labels. */
const LABEL_CHARACTER_PX = 7;

export interface TimeScale {
  readonly fromMs: number;
  readonly toMs: number;
  /** Where fromMs is drawn. */
  readonly leftPx: number;
  readonly widthPx: number;
}

/** The x coordinate of a time (ms), clamped to the drawing. */
export function xOfMs(scale: TimeScale, timeMs: number): number {
  const span = scale.toMs - scale.fromMs;
  if (!(span > 0)) return scale.leftPx;
  const fraction = Math.min(1, Math.max(0, (timeMs - scale.fromMs) / span));
  return scale.leftPx + fraction * scale.widthPx;
}

/** Labels at `labelYPx`, faint grid lines from `topPx` to `bottomPx`. */
export function renderTimeAxisSvg(scale: TimeScale, geometry: { readonly topPx: number; readonly bottomPx: number; readonly labelYPx: number }): string {
  const spanMs = scale.toMs - scale.fromMs;
  if (!(spanMs > 0)) return '';
  const stepMs = chooseTickStepMs(spanMs, Math.floor(scale.widthPx / LABEL_CHARACTER_PX));
  const parts: string[] = [];
  // Whole steps counted from 0, so that ticks fall on round times whatever the window's start.
  for (let step = Math.ceil(scale.fromMs / stepMs); step * stepMs <= scale.toMs; step++) {
    const tickMs = step * stepMs;
    const x = px(xOfMs(scale, tickMs));
    parts.push(
      `<line class="grid" x1="${x}" y1="${px(geometry.topPx)}" x2="${x}" y2="${px(geometry.bottomPx)}"/>`,
      `<text class="tick" x="${x}" y="${px(geometry.labelYPx)}">${escapeHtml(formatSecondsShort(tickMs))}</text>`,
    );
  }
  return `<g class="time-axis">${parts.join('')}</g>`;
}
