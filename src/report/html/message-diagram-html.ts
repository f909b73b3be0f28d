// The message-diagram section of a run's HTML report: which window and why, how many messages
// were sent in it and how many are drawn (and a clear note when the cap cut the rest), the legend
// of the arrow styles, and the drawing itself.

import { formatGrouped, formatSecondsPrecise } from '../number-format.js';
import type { MessageDiagram } from '../message-arrows.js';
import { escapeHtml } from './html-escape.js';
import { renderMessageDiagramSvg } from './message-diagram-svg.js';

const LEGEND: readonly (readonly [className: string, label: string])[] = [
  ['delivered', 'delivered (arrow)'],
  ['lost', 'lost by the network (✕)'],
  ['unreachable', 'unreachable: partition or cut link (dotted, bar)'],
  ['refused', 'refused: receiver down (bar at the receiver)'],
  ['dropped', 'dropped: receiver down, silent (✕ at the receiver)'],
  ['duplicated', 'duplicate delivery'],
  ['held', 'held at a paused receiver (thick)'],
  ['in-flight', 'still in flight at the end of the capture'],
];

export function renderMessageDiagramHtml(diagram: MessageDiagram): string {
  const { window } = diagram;
  const drawn = diagram.arrows.length;
  const notes = [
    `<p><b>${escapeHtml(formatSecondsPrecise(window.fromUs))} – ${escapeHtml(formatSecondsPrecise(window.toUs))}</b>, ${escapeHtml(window.reason)}. ` +
      `${escapeHtml(formatGrouped(diagram.sentInWindow, 0))} message${diagram.sentInWindow === 1 ? '' : 's'} sent in the window` +
      `${diagram.capped ? '' : ', all drawn'}; the shaded tail shows where those sent near its end went. Click a message for its events and body.</p>`,
  ];
  if (diagram.capped) {
    notes.push(
      `<p class="warning" data-capped="true">Capped: only the first ${escapeHtml(formatGrouped(drawn, 0))} of ${escapeHtml(formatGrouped(diagram.sentInWindow, 0))} messages are drawn. Give a narrower window with <code>--messages A..B</code>.</p>`,
    );
  }
  if (diagram.captureCapReachedAtUs !== null) {
    notes.push(
      `<p class="warning">The capture's event cap was reached at ${escapeHtml(formatSecondsPrecise(diagram.captureCapReachedAtUs))}: events after it are missing. Give a narrower window.</p>`,
    );
  }
  const legend = LEGEND.map(([className, label]) => `<span><i class="swatch line ${className}"></i>${escapeHtml(label)}</span>`).join('');
  return [...notes, `<div class="legend">${legend}</div>`, `<div class="scroll">${renderMessageDiagramSvg(diagram)}</div>`].join('\n');
}
