// A captured run (src/capture/) in the Trace Event Format that ui.perfetto.dev and
// chrome://tracing open: one process (the scenario), one thread per node in node order; each
// message a 1 µs slice on the sender and, per delivery, on the receiver, joined by a flow event
// (an arrow); lost, cut-off, refused and dropped messages as instants on the sender with the
// reason; timers, held messages and model flags as instants on the node; faults as global
// instants; down and paused periods as slices spanning them. Timestamps are SIMULATED
// microseconds. Produced line by line (one event per line) so that a large capture never has to
// become one string; the same capture always gives the same text.

import type { CapturedRun, CaptureRecord, MessageRecord } from '../capture/event-capture.js';
import { planTrace, type NodeDownStatus, type StatusPeriod } from './trace-plan.js';

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

const STATUS_SLICE_NAMES: Readonly<Record<NodeDownStatus, string>> = {
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

/**
 * Every event of the trace: metadata first, then in the order the capture holds them, except
 * that a down or paused period's slice comes before everything else at the time it starts and a
 * message's flow starts come right after its send slice (so that Perfetto nests and binds them).
 */
export function* traceEvents(captured: CapturedRun, metadata: TraceMetadata): Generator<TraceEvent> {
  const tidOf = new Map(captured.nodeNames.map((name, i) => [name, i + 1]));
  const tid = (node: string): number => tidOf.get(node) ?? 0;
  const plan = planTrace(captured);
  yield* metadataEvents(captured.nodeNames, metadata.scenario);
  const periods = plan.statusPeriods;
  let nextPeriod = 0;
  const periodsFrom = function* (timeUs: number): Generator<TraceEvent> {
    for (; nextPeriod < periods.length && periods[nextPeriod]!.fromUs <= timeUs; nextPeriod++) yield statusSlice(periods[nextPeriod]!, tid);
  };
  yield* periodsFrom(captured.fromUs);
  yield* flagsAtStart(captured);
  const records = captured.records;
  for (let index = 0; index < records.length; index++) {
    const record = records[index]!;
    yield* periodsFrom(record.timeUs);
    if (record.kind === 'send') {
      const from = tid(record.from);
      yield messageSlice(record, from, `→ ${record.to} ${record.messageKind}`, { to: record.to, body: record.body });
      for (const id of plan.flowIdsBySend.get(record.messageId) ?? []) yield flowEvent(record, 's', id, from, record.timeUs);
    } else if (record.kind === 'deliver') {
      const to = tid(record.to);
      yield messageSlice(record, to, `← ${record.from} ${record.messageKind}`, { from: record.from, sentAtUs: record.sentAtUs, latencyUs: record.timeUs - record.sentAtUs });
      const id = plan.flowIdByRecord.get(index);
      if (id !== undefined) yield flowEvent(record, 'f', id, to, record.timeUs);
    } else if (record.kind !== 'status') {
      yield instantOf(record, tid);
    }
  }
  if (captured.capReachedAtUs !== null) {
    const name = `trace cap reached (${captured.eventCountMax} events): ${captured.droppedEventCount} later events left out`;
    yield { name, cat: 'trace', ph: 'i', s: 'g', pid: PID, tid: 0, ts: captured.capReachedAtUs };
  }
}

function flowEvent(record: MessageRecord, ph: 's' | 'f', id: number, tid: number, ts: number): TraceEvent {
  return { name: record.messageKind, cat: 'message', ph, id, bp: 'e', pid: PID, tid, ts };
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

function statusSlice(period: StatusPeriod, tid: (node: string) => number): TraceEvent {
  const dur = Math.max(0, period.toUs - period.fromUs);
  return { name: STATUS_SLICE_NAMES[period.status], cat: 'status', ph: 'X', pid: PID, tid: tid(period.node), ts: period.fromUs, dur };
}
