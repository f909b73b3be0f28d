// The messages of a captured window as plain data for a space-time (Lamport) diagram: one entry
// per message SENT inside the window (in send order, at most `arrowCountMax`), with its legs: each
// transmission (the first, a retransmission of a reliable send, a duplicate the network made) and
// where it ended: delivered, lost, unreachable (partition or cut link), refused or dropped by a
// crashed node, held by a paused one (then delivered when it resumed), or still in flight when the
// capture ended. Pure: reads the capture, knows no output format.

import type { CapturedRun, MessageEventKind, MessageRecord } from '../capture/event-capture.js';
import type { MessageWindow } from './message-window.js';

export type MessageFate = 'delivered' | 'lost' | 'unreachable' | 'refused' | 'dropped' | 'held' | 'in-flight';

export type LegEnd = 'deliver' | 'lost' | 'unreachable' | 'refused' | 'dropped' | 'held' | 'in-flight';

export interface MessageLeg {
  /** When this transmission left the sender (or, for a held message, when it reached the paused node). */
  readonly startUs: number;
  /** When it ended; for 'in-flight', where the capture ended. */
  readonly endUs: number;
  readonly end: LegEnd;
  readonly retransmission: boolean;
  readonly duplicate: boolean;
  /** A delivery that waited at the paused receiver from startUs. */
  readonly afterHold: boolean;
}

export interface MessageArrow {
  readonly messageId: number;
  readonly from: string;
  readonly to: string;
  readonly messageKind: string;
  readonly sentAtUs: number;
  readonly body?: string;
  readonly fate: MessageFate;
  readonly duplicated: boolean;
  readonly legs: readonly MessageLeg[];
  /** Everything captured for it, in order. */
  readonly events: readonly { readonly kind: MessageEventKind; readonly timeUs: number }[];
}

export interface MessageDiagram {
  readonly window: MessageWindow;
  /** Where the capture (window and tail) ended. */
  readonly captureEndUs: number;
  readonly nodeNames: readonly string[];
  readonly arrows: readonly MessageArrow[];
  /** Messages sent in the window (drawn or not). */
  readonly sentInWindow: number;
  /** True when more messages were sent in the window than are drawn. */
  readonly capped: boolean;
  /** Set when the capture's own event cap cut it short (later events of the window are missing). */
  readonly captureCapReachedAtUs: number | null;
  readonly faults: readonly { readonly timeUs: number; readonly label: string; readonly revert: boolean }[];
  /** Down or paused stretches per node inside the capture, for shading the lanes. */
  readonly outages: readonly { readonly node: string; readonly fromUs: number; readonly toUs: number; readonly status: 'down' | 'paused' }[];
}

export function messageDiagram(captured: CapturedRun, window: MessageWindow, arrowCountMax: number): MessageDiagram {
  const byMessage = new Map<number, MessageRecord[]>();
  let sentInWindow = 0;
  for (const record of captured.records) {
    if (record.kind === 'timer' || record.kind === 'fault' || record.kind === 'status' || record.kind === 'flag') continue;
    if (record.kind === 'send') {
      if (record.timeUs >= window.toUs) continue;
      sentInWindow++;
      if (byMessage.size < arrowCountMax) byMessage.set(record.messageId, [record]);
      continue;
    }
    byMessage.get(record.messageId)?.push(record);
  }
  const captureEndUs = captured.toUs;
  return {
    window,
    captureEndUs,
    nodeNames: captured.nodeNames,
    arrows: [...byMessage.values()].map((records) => arrowOf(records, captureEndUs)),
    sentInWindow,
    capped: sentInWindow > byMessage.size,
    captureCapReachedAtUs: captured.capReachedAtUs,
    faults: captured.records.flatMap((record) => (record.kind === 'fault' ? [{ timeUs: record.timeUs, label: record.label, revert: record.revert }] : [])),
    outages: outagesOf(captured),
  };
}

function arrowOf(records: readonly MessageRecord[], captureEndUs: number): MessageArrow {
  const send = records[0]!;
  const legs: MessageLeg[] = [];
  let startUs = send.timeUs;
  let retransmission = false;
  let deliveredThisTransmission = false;
  let heldAtUs: number | null = null;
  let duplicated = false;
  let open = 1; // copies still travelling: the transmission and any duplicates of it
  for (const record of records.slice(1)) {
    switch (record.kind) {
      case 'retransmit':
        startUs = record.timeUs;
        retransmission = true;
        deliveredThisTransmission = false;
        open = 1;
        break;
      case 'duplicated':
        duplicated = true;
        open++;
        break;
      case 'held':
        legs.push({ startUs, endUs: record.timeUs, end: 'held', retransmission, duplicate: deliveredThisTransmission, afterHold: false });
        heldAtUs = record.timeUs;
        break;
      case 'deliver':
        if (heldAtUs !== null) {
          legs.push({ startUs: heldAtUs, endUs: record.timeUs, end: 'deliver', retransmission, duplicate: false, afterHold: true });
          heldAtUs = null;
        } else {
          legs.push({ startUs, endUs: record.timeUs, end: 'deliver', retransmission, duplicate: deliveredThisTransmission, afterHold: false });
        }
        deliveredThisTransmission = true;
        open--;
        break;
      case 'lost':
      case 'unreachable':
      case 'refused':
      case 'dropped':
        legs.push({ startUs, endUs: record.timeUs, end: record.kind, retransmission, duplicate: deliveredThisTransmission, afterHold: false });
        open--;
        break;
      default:
        break;
    }
  }
  if (heldAtUs !== null) {
    legs.push({ startUs: heldAtUs, endUs: captureEndUs, end: 'in-flight', retransmission, duplicate: false, afterHold: true });
  } else if (open > 0) {
    legs.push({ startUs, endUs: captureEndUs, end: 'in-flight', retransmission, duplicate: false, afterHold: false });
  }
  return {
    messageId: send.messageId,
    from: send.from,
    to: send.to,
    messageKind: send.messageKind,
    sentAtUs: send.sentAtUs,
    ...(send.body === undefined ? {} : { body: send.body }),
    fate: fateOf(legs),
    duplicated,
    legs,
    events: records.map((record) => ({ kind: record.kind, timeUs: record.timeUs })),
  };
}

/** Delivered if any leg was; else how the last one ended. */
function fateOf(legs: readonly MessageLeg[]): MessageFate {
  if (legs.some((leg) => leg.end === 'deliver')) return 'delivered';
  const last = legs[legs.length - 1];
  if (last === undefined) return 'in-flight';
  if (last.end === 'in-flight' && last.afterHold) return 'held';
  return last.end === 'deliver' ? 'delivered' : last.end;
}

function outagesOf(captured: CapturedRun): MessageDiagram['outages'] {
  const outages: { node: string; fromUs: number; toUs: number; status: 'down' | 'paused' }[] = [];
  const openSince = new Map<string, { fromUs: number; status: 'down' | 'paused' }>();
  const look = (status: string): 'down' | 'paused' | null => (status === 'paused' ? 'paused' : status === 'up' ? null : 'down');
  captured.nodeNames.forEach((node, index) => {
    const status = look(captured.statusAtStart[index] ?? 'up');
    if (status !== null) openSince.set(node, { fromUs: captured.fromUs, status });
  });
  for (const record of captured.records) {
    if (record.kind !== 'status') continue;
    const previous = openSince.get(record.node);
    if (previous !== undefined) outages.push({ node: record.node, fromUs: previous.fromUs, toUs: record.timeUs, status: previous.status });
    openSince.delete(record.node);
    const status = look(record.status);
    if (status !== null) openSince.set(record.node, { fromUs: record.timeUs, status });
  }
  for (const [node, { fromUs, status }] of openSince) outages.push({ node, fromUs, toUs: captured.toUs, status });
  return outages;
}
