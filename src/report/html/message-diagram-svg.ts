// The message diagram (a space-time, or Lamport, diagram) of a window as SVG: one horizontal lane
// per node, time across; each message one group (class "msg" and its fate) holding an arrow from
// its send to its delivery, or a short stroke ending in ✕ (lost), a dotted one ending in a bar
// (unreachable), an arrow ending in a bar at the receiver (refused) or ✕ there (dropped by a
// silent crashed node); duplicates and retransmissions as extra legs, a hold at a paused node as a
// thick stretch on its lane. Down and paused stretches shade the lanes, faults are dashed lines.
// Clicking a message shows its events and body (the page's script reads data-detail).

import type { MessageArrow, MessageDiagram, MessageLeg } from '../message-arrows.js';
import { formatGrouped, formatSecondsPrecise } from '../number-format.js';
import { escapeHtml, px } from './html-escape.js';
import { renderTimeAxisSvg, xOfMs, type TimeScale } from './time-axis-svg.js';

const NAME_COLUMN_PX = 140;
const PLOT_WIDTH_PX = 1000;
const RIGHT_MARGIN_PX = 16;
const TOP_PX = 14;
const LANE_SPACING_MAX_PX = 48;
const LANE_SPACING_MIN_PX = 22;
const PLOT_HEIGHT_TARGET_PX = 320;
const AXIS_HEIGHT_PX = 24;
/** A message lost or cut off at its send is drawn this far toward its receiver. */
const STUB_FRACTION = 0.35;
const STUB_WIDTH_PX = 8;
const END_MARK_PX = 4;
const ARROW_HEAD_PX = 6;

interface Geometry {
  readonly scale: TimeScale;
  readonly laneY: ReadonlyMap<string, number>;
}

export function renderMessageDiagramSvg(diagram: MessageDiagram): string {
  const spacing = Math.max(LANE_SPACING_MIN_PX, Math.min(LANE_SPACING_MAX_PX, PLOT_HEIGHT_TARGET_PX / Math.max(1, diagram.nodeNames.length)));
  const laneY = new Map(diagram.nodeNames.map((node, index) => [node, TOP_PX + spacing / 2 + index * spacing]));
  const plotBottomPx = TOP_PX + spacing * diagram.nodeNames.length;
  const scale: TimeScale = { fromMs: diagram.window.fromUs / 1000, toMs: diagram.captureEndUs / 1000, leftPx: NAME_COLUMN_PX, widthPx: PLOT_WIDTH_PX };
  const geometry: Geometry = { scale, laneY };
  const widthPx = NAME_COLUMN_PX + PLOT_WIDTH_PX + RIGHT_MARGIN_PX;
  const heightPx = plotBottomPx + AXIS_HEIGHT_PX;
  const tailX = xOfMs(scale, diagram.window.toUs / 1000);
  return [
    `<svg class="messages" width="${widthPx}" height="${px(heightPx)}" viewBox="0 0 ${widthPx} ${px(heightPx)}" role="img" aria-label="message diagram">`,
    tailX < NAME_COLUMN_PX + PLOT_WIDTH_PX
      ? `<rect class="window-tail" x="${px(tailX)}" y="0" width="${px(NAME_COLUMN_PX + PLOT_WIDTH_PX - tailX)}" height="${px(plotBottomPx)}"><title>after the window: only where messages sent inside it went</title></rect>`
      : '',
    renderTimeAxisSvg(scale, { topPx: 0, bottomPx: plotBottomPx, labelYPx: plotBottomPx + 16 }),
    outageRects(diagram, geometry, spacing),
    `<g class="node-lanes">${diagram.nodeNames.map((node) => nodeLane(node, laneY.get(node)!)).join('')}</g>`,
    faultLines(diagram, geometry, plotBottomPx),
    `<g class="message-arrows">${diagram.arrows.map((arrow) => messageGroup(arrow, geometry)).join('')}</g>`,
    '</svg>',
  ].join('\n');
}

function nodeLane(node: string, yPx: number): string {
  return (
    `<g class="node-lane" data-node="${escapeHtml(node)}"><text class="lane-name" x="${NAME_COLUMN_PX - 8}" y="${px(yPx + 4)}">${escapeHtml(node)}</text>` +
    `<line class="node-line" x1="${NAME_COLUMN_PX}" y1="${px(yPx)}" x2="${NAME_COLUMN_PX + PLOT_WIDTH_PX}" y2="${px(yPx)}"/></g>`
  );
}

function outageRects(diagram: MessageDiagram, geometry: Geometry, spacing: number): string {
  const rects = diagram.outages.map((outage) => {
    const x = xOfMs(geometry.scale, outage.fromUs / 1000);
    const width = Math.max(1, xOfMs(geometry.scale, outage.toUs / 1000) - x);
    const y = geometry.laneY.get(outage.node)! - spacing / 4;
    const detail = `${outage.node} ${outage.status} ${formatSecondsPrecise(outage.fromUs)}–${formatSecondsPrecise(outage.toUs)}`;
    return `<rect class="state ${outage.status}" opacity="0.45" x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(spacing / 2)}"><title>${escapeHtml(detail)}</title></rect>`;
  });
  return `<g class="outages">${rects.join('')}</g>`;
}

function faultLines(diagram: MessageDiagram, geometry: Geometry, bottomPx: number): string {
  const lines = diagram.faults.map((fault) => {
    const x = px(xOfMs(geometry.scale, fault.timeUs / 1000));
    const detail = `${formatSecondsPrecise(fault.timeUs)} ${fault.label}`;
    return `<g class="fault${fault.revert ? ' revert' : ''}" data-detail="${escapeHtml(detail)}"><title>${escapeHtml(detail)}</title><line x1="${x}" y1="0" x2="${x}" y2="${px(bottomPx)}"/></g>`;
  });
  return `<g class="faults">${lines.join('')}</g>`;
}

function messageGroup(arrow: MessageArrow, geometry: Geometry): string {
  const summary = `#${arrow.messageId} ${arrow.messageKind} ${arrow.from} → ${arrow.to}, sent ${formatSecondsPrecise(arrow.sentAtUs)}: ${fateText(arrow)}`;
  const classes = ['msg', arrow.fate, ...(arrow.duplicated ? ['duplicated'] : [])].join(' ');
  const legs = arrow.legs.map((leg) => legShape(arrow, leg, geometry)).join('');
  return (
    `<g class="${classes}" data-message="${arrow.messageId}" data-from="${escapeHtml(arrow.from)}" data-to="${escapeHtml(arrow.to)}" data-fate="${arrow.fate}"` +
    ` data-heading="${escapeHtml(`message #${arrow.messageId} (${arrow.messageKind})`)}" data-detail="${escapeHtml(detailText(arrow))}">` +
    `<title>${escapeHtml(summary)}</title>${legs}</g>`
  );
}

function legShape(arrow: MessageArrow, leg: MessageLeg, geometry: Geometry): string {
  const { scale, laneY } = geometry;
  const x1 = xOfMs(scale, leg.startUs / 1000);
  const fromY = laneY.get(arrow.from)!;
  const toY = laneY.get(arrow.to)!;
  const x2 = xOfMs(scale, leg.endUs / 1000);
  const classes = ['leg', leg.end, ...(leg.duplicate ? ['duplicate'] : []), ...(leg.retransmission ? ['retransmission'] : [])].join(' ');
  if (leg.afterHold) return `<line class="leg hold" x1="${px(x1)}" y1="${px(toY)}" x2="${px(x2)}" y2="${px(toY)}"/>`;
  if (leg.end === 'lost' || (leg.end === 'unreachable' && leg.endUs === leg.startUs)) {
    const endX = Math.max(x2, x1 + STUB_WIDTH_PX);
    const endY = fromY + (toY - fromY) * STUB_FRACTION;
    return pathWithHit(classes, x1, fromY, endX, endY, leg.end === 'lost' ? cross(leg.end, endX, endY) : bar(leg.end, endX, endY));
  }
  if (leg.end === 'unreachable') {
    const endY = fromY + (toY - fromY) * 0.8;
    return pathWithHit(classes, x1, fromY, x2, endY, bar(leg.end, x2, endY));
  }
  if (leg.end === 'refused') return pathWithHit(classes, x1, fromY, x2, toY, bar(leg.end, x2, toY));
  if (leg.end === 'dropped') return pathWithHit(classes, x1, fromY, x2, toY, cross(leg.end, x2, toY));
  if (leg.end === 'in-flight') return pathWithHit(classes, x1, fromY, x2, toY, '');
  return pathWithHit(classes, x1, fromY, x2, toY, arrowHead(leg.duplicate ? 'duplicate' : leg.end, x1, fromY, x2, toY));
}

/** The visible path, a wider invisible one to make it easy to hover and click, and its end mark. */
function pathWithHit(classes: string, x1: number, y1: number, x2: number, y2: number, endMark: string): string {
  const d = `M${px(x1)},${px(y1)} L${px(x2)},${px(y2)}`;
  return `<path class="${classes}" d="${d}"/><path class="hit" d="${d}"/>${endMark}`;
}

function cross(end: string, x: number, y: number): string {
  const s = END_MARK_PX;
  return `<path class="end ${end}" d="M${px(x - s)},${px(y - s)} L${px(x + s)},${px(y + s)} M${px(x - s)},${px(y + s)} L${px(x + s)},${px(y - s)}"/>`;
}

function bar(end: string, x: number, y: number): string {
  return `<path class="end ${end}" d="M${px(x - END_MARK_PX)},${px(y)} L${px(x + END_MARK_PX)},${px(y)} M${px(x)},${px(y - END_MARK_PX)} L${px(x)},${px(y + END_MARK_PX)}"/>`;
}

/** A filled triangle at (x2, y2) pointing along the leg (no <marker>: no ids to clash between runs). */
function arrowHead(end: string, x1: number, y1: number, x2: number, y2: number): string {
  const length = Math.hypot(x2 - x1, y2 - y1);
  if (length === 0) return '';
  const ux = (x2 - x1) / length;
  const uy = (y2 - y1) / length;
  const size = ARROW_HEAD_PX;
  const baseX = x2 - ux * size;
  const baseY = y2 - uy * size;
  const points = [
    [x2, y2],
    [baseX - uy * size * 0.5, baseY + ux * size * 0.5],
    [baseX + uy * size * 0.5, baseY - ux * size * 0.5],
  ];
  return `<path class="head ${end}" d="M${points.map(([x, y]) => `${px(x!)},${px(y!)}`).join(' L')} z"/>`;
}

const FATE_WORDS: Readonly<Record<MessageArrow['fate'], string>> = {
  delivered: 'delivered',
  lost: 'lost by the network',
  unreachable: 'unreachable (partition or cut link)',
  refused: 'refused (the receiver was down)',
  dropped: 'dropped (the receiver was down, silent)',
  held: 'held at the paused receiver',
  'in-flight': 'still in flight when the capture ended',
};

function fateText(arrow: MessageArrow): string {
  const delivery = arrow.legs.find((leg) => leg.end === 'deliver');
  const latency = delivery === undefined ? '' : ` after ${formatGrouped((delivery.endUs - arrow.sentAtUs) / 1000, 3)} ms`;
  return `${FATE_WORDS[arrow.fate]}${latency}${arrow.duplicated ? ', duplicated' : ''}`;
}

function detailText(arrow: MessageArrow): string {
  const lines = [
    `${arrow.from} → ${arrow.to}: ${fateText(arrow)}`,
    ...arrow.events.map((event) => `  ${formatSecondsPrecise(event.timeUs).padStart(10)}  ${event.kind}`),
    '',
    arrow.body === undefined ? '(no body captured)' : arrow.body,
  ];
  return lines.join('\n');
}
