// A captured run (src/capture/) in the Trace Event Format that ui.perfetto.dev and
// chrome://tracing open: one process (the scenario), one thread per node in node order; each
// message a 1 µs slice on the sender and, per delivery, on the receiver, joined by a flow event
// (an arrow); lost, cut-off, refused and dropped messages as instants on the sender with the
// reason; timers, held messages and model flags as instants on the node; faults as global
// instants; down and paused periods as slices spanning them. Timestamps are SIMULATED
// microseconds. Produced line by line (one event per line) so that a large capture never has to
// become one string; the same capture always gives the same text.

import type { CapturedNodeStatus, CapturedRun, CaptureRecord, MessageRecord } from '../capture/event-capture.js';

export interface TraceMetadata {
  readonly scenario: string;
  readonly file: string;
  readonly seed: number;
  readonly reproduce: string;
}

/** One Trace Event Format event (the fields ddsim uses). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: 'M' | 'X' | 'i' | 's' | 'f';
  readonly pid: number;
  readonly tid: number;
  readonly ts?: number;
  readonly dur?: number;
  readonly cat?: string;
  readonly id?: number;
  readonly bp?: 'e';
  readonly s?: 'g' | 'p' | 't';
  readonly args?: Record<string, unknown>;
}

const PID = 1;
/** Message slices are this long, so that flow arrows have a slice to bind to. */
const MESSAGE_SLICE_US = 1;

const STATUS_SLICE_NAMES: Readonly<Record<Exclude<CapturedNodeStatus, 'up'>, string>> = {
  'down-refusing': 'down (refusing connections)',
  'down-silent': 'down (silent)',
  paused: 'paused',
};

const FAILED_MESSAGE_REASONS: Readonly<Record<'lost' | 'unreachable' | 'refused' | 'dropped', (to: string) => string>> = {
  lost: () => 'lost by the network (link loss)',
  unreachable: (to) => `no route to ${to}: partition or cut link`,
  refused: (to) => `connection refused: ${to} is down`,
  dropped: (to) => `${to} is down (silent): the message vanished`,
};

/** The whole trace file, as lines (joined with "\n" they are the file; it ends with a newline). */
export function* traceFileLines(captured: CapturedRun, metadata: TraceMetadata): Generator<string> {
  yield '{"traceEvents":[';
  let first = true;
  for (const event of traceEvents(captured, metadata)) {
    yield `${first ? '' : ','}${JSON.stringify(event)}`;
    first = false;
  }
  yield '],';
  yield '"displayTimeUnit":"ms",';
  yield `"otherData":${JSON.stringify(otherData(captured, metadata))}}`;
  yield '';
}

/** What the file says about itself: the run, the window, and whether the cap cut it short. */
export function otherData(captured: CapturedRun, metadata: TraceMetadata): Record<string, unknown> {
  return {
    generator: 'ddsim',
    scenario: metadata.scenario,
    file: metadata.file,
    seed: metadata.seed,
    reproduce: metadata.reproduce,
    timestamps: 'simulated microseconds',
    windowFromUs: captured.fromUs,
    windowToUs: captured.toUs,
    capturedEventCount: captured.records.length,
    eventCountMax: captured.eventCountMax,
    truncated: captured.capReachedAtUs !== null,
    droppedEventCount: captured.droppedEventCount,
    ...(captured.capReachedAtUs === null ? {} : { capReachedAtUs: captured.capReachedAtUs }),
    bodyCharsMax: captured.bodyCharsMax,
  };
}

/** Every event of the trace: metadata first, then in the order the capture holds them. */
export function* traceEvents(captured: CapturedRun, metadata: TraceMetadata): Generator<TraceEvent> {
  const tidOf = new Map(captured.nodeNames.map((name, i) => [name, i + 1]));
  const tid = (node: string): number => tidOf.get(node) ?? 0;
  yield* metadataEvents(captured.nodeNames, metadata.scenario);
  const statusSlices = new StatusSlices(captured.nodeNames, captured.statusAtStart, captured.fromUs);
  yield* flagsAtStart(captured);
  const sentIds = new Set<number>();
  let flowId = 0;
  for (const record of captured.records) {
    if (record.kind === 'send') {
      sentIds.add(record.messageId);
      yield messageSlice(record, tid(record.from), `→ ${record.to} ${record.messageKind}`, { to: record.to, body: record.body });
    } else if (record.kind === 'deliver') {
      const args = { from: record.from, sentAtUs: record.sentAtUs, latencyUs: record.timeUs - record.sentAtUs };
      yield messageSlice(record, tid(record.to), `← ${record.from} ${record.messageKind}`, args);
      if (!sentIds.has(record.messageId)) continue; // sent before the window, or past the cap
      flowId++;
      yield { name: record.messageKind, cat: 'message', ph: 's', id: flowId, bp: 'e', pid: PID, tid: tid(record.from), ts: record.sentAtUs };
      yield { name: record.messageKind, cat: 'message', ph: 'f', id: flowId, bp: 'e', pid: PID, tid: tid(record.to), ts: record.timeUs };
    } else if (record.kind === 'status') {
      yield* statusSlices.change(record.node, tid(record.node), record.status, record.timeUs);
    } else {
      yield instantOf(record, tid);
    }
  }
  yield* statusSlices.close(captured.nodeNames, tid, captured.toUs);
  if (captured.capReachedAtUs !== null) {
    const name = `trace cap reached (${captured.eventCountMax} events): ${captured.droppedEventCount} later events left out`;
    yield { name, cat: 'trace', ph: 'i', s: 'g', pid: PID, tid: 0, ts: captured.capReachedAtUs };
  }
}

function* metadataEvents(nodeNames: readonly string[], scenario: string): Generator<TraceEvent> {
  yield { name: 'process_name', ph: 'M', pid: PID, tid: 0, args: { name: scenario } };
  for (let i = 0; i < nodeNames.length; i++) {
    yield { name: 'thread_name', ph: 'M', pid: PID, tid: i + 1, args: { name: nodeNames[i] } };
    yield { name: 'thread_sort_index', ph: 'M', pid: PID, tid: i + 1, args: { sort_index: i } };
  }
}

/** Flags a model had set before the window opened, shown as instants where it opens. */
function* flagsAtStart(captured: CapturedRun): Generator<TraceEvent> {
  for (let i = 0; i < captured.nodeNames.length; i++) {
    for (const flag of captured.flagsAtStart[i]!) {
      yield { name: `${flag} on`, cat: 'flag', ph: 'i', s: 't', pid: PID, tid: i + 1, ts: captured.fromUs, args: { flag, on: true, sinceBeforeWindow: true } };
    }
  }
}

function messageSlice(record: MessageRecord, tid: number, name: string, extra: Record<string, unknown>): TraceEvent {
  return { name, cat: 'message', ph: 'X', pid: PID, tid, ts: record.timeUs, dur: MESSAGE_SLICE_US, args: { messageId: record.messageId, ...extra } };
}

/** Everything that is neither a slice nor a flow: an instant on its node's track, or a global one. */
function instantOf(record: Exclude<CaptureRecord, { kind: 'status' }>, tid: (node: string) => number): TraceEvent {
  switch (record.kind) {
    case 'timer':
      return { name: 'timer', cat: 'timer', ph: 'i', s: 't', pid: PID, tid: tid(record.node), ts: record.timeUs };
    case 'flag':
      return { name: `${record.flag} ${record.on ? 'on' : 'off'}`, cat: 'flag', ph: 'i', s: 't', pid: PID, tid: tid(record.node), ts: record.timeUs, args: { flag: record.flag, on: record.on } };
    case 'fault': {
      const args = { kind: record.faultKind, revert: record.revert, skipped: record.skipped, nodes: record.nodes };
      return { name: record.label, cat: 'fault', ph: 'i', s: 'g', pid: PID, tid: 0, ts: record.timeUs, args };
    }
    case 'held':
      return messageInstant(record, tid(record.to), `held: ${record.messageKind} from ${record.from}`, `${record.to} is paused: delivered when it resumes`);
    case 'retransmit':
      return messageInstant(record, tid(record.from), `retransmit ${record.messageKind} → ${record.to}`, 'no acknowledgement in time');
    case 'duplicated':
      return messageInstant(record, tid(record.from), `duplicated ${record.messageKind} → ${record.to}`, 'the network delivers it twice');
    case 'lost':
    case 'unreachable':
    case 'refused':
    case 'dropped':
      return messageInstant(record, tid(record.from), `${record.kind}: ${record.messageKind} → ${record.to}`, FAILED_MESSAGE_REASONS[record.kind](record.to));
    default:
      throw new RangeError(`${record.kind} records are slices, not instants`);
  }
}

function messageInstant(record: MessageRecord, tid: number, name: string, reason: string): TraceEvent {
  const args = { messageId: record.messageId, from: record.from, to: record.to, reason };
  return { name, cat: 'message', ph: 'i', s: 't', pid: PID, tid, ts: record.timeUs, args };
}

/** Down and paused periods: a slice opens when a node leaves `up` and closes at its next change. */
class StatusSlices {
  private readonly open = new Map<string, { status: Exclude<CapturedNodeStatus, 'up'>; sinceUs: number }>();

  /** A node down or paused when the window opens has its period open from there. */
  constructor(nodeNames: readonly string[], statusAtStart: readonly CapturedNodeStatus[], fromUs: number) {
    for (let i = 0; i < nodeNames.length; i++) {
      const status = statusAtStart[i]!;
      if (status !== 'up') this.open.set(nodeNames[i]!, { status, sinceUs: fromUs });
    }
  }

  *change(node: string, tid: number, status: CapturedNodeStatus, timeUs: number): Generator<TraceEvent> {
    const open = this.open.get(node);
    if (open !== undefined) yield statusSlice(open.status, tid, open.sinceUs, timeUs);
    this.open.delete(node);
    if (status !== 'up') this.open.set(node, { status, sinceUs: timeUs });
  }

  /** The periods still open when the window closes, in node order. */
  *close(nodeNames: readonly string[], tid: (node: string) => number, endUs: number): Generator<TraceEvent> {
    for (const node of nodeNames) {
      const open = this.open.get(node);
      if (open !== undefined) yield statusSlice(open.status, tid(node), open.sinceUs, endUs);
    }
  }
}

function statusSlice(status: Exclude<CapturedNodeStatus, 'up'>, tid: number, fromUs: number, toUs: number): TraceEvent {
  return { name: STATUS_SLICE_NAMES[status], cat: 'status', ph: 'X', pid: PID, tid, ts: fromUs, dur: Math.max(0, toUs - fromUs) };
}
