// An optional recorder of what happens during a run, as plain records in time order: messages
// sent, delivered, lost, cut off by a partition, refused or dropped by a crashed node, held by a
// paused one, duplicated or retransmitted; timers firing; faults injected and reverted; node
// status changes and the flags a model sets (suspected, leader...). The trace writer
// (src/report/trace-events.ts) turns them into the Trace Event Format; other reports (a message
// diagram) may read them too, so nothing here knows any output format.
//
// The simulation reports to it only when a run was asked to capture (a null check otherwise: the
// message path is hot). Bounded: only events inside the window [fromUs, toUs) are kept, at most
// eventCountMax of them (later ones are counted, not kept), and message bodies are kept as JSON
// cut to bodyCharsMax characters, so memory stays bounded whatever the run's length.
// Depends on nothing but plain data: the network, the node table and the fault injector call it.

/** What happened to a message; where it is recorded is in MessageRecord. */
export type MessageEventKind =
  | 'send'
  | 'retransmit'
  | 'duplicated'
  | 'lost'
  | 'unreachable'
  | 'deliver'
  | 'held'
  | 'refused'
  | 'dropped';

/** The true status of a node process, as records name it. */
export type CapturedNodeStatus = 'up' | 'down-refusing' | 'down-silent' | 'paused';

/** One event of one message. `from` sent it to `to`; the same message keeps its messageId. */
export interface MessageRecord {
  readonly kind: MessageEventKind;
  readonly timeUs: number;
  readonly from: string;
  readonly to: string;
  /** Numbers messages in the order they were sent since the run started (0, 1, ...). */
  readonly messageId: number;
  /** The message's `kind` (or `type`) field when it is a string, else its JavaScript type. */
  readonly messageKind: string;
  readonly sentAtUs: number;
  /** On `send` records only (none when bodyCharsMax is 0): the message as JSON, cut to bodyCharsMax characters (then ending in "…"). */
  readonly body?: string;
}

export interface TimerRecord {
  readonly kind: 'timer';
  readonly timeUs: number;
  readonly node: string;
}

export interface FaultCaptureRecord {
  readonly kind: 'fault';
  readonly timeUs: number;
  /** As the run's fault log shows it: "partition [db-1, db-2] | [...]", "end of crash db-1". */
  readonly label: string;
  /** The fault kind (crash, partition, ...) or `heal` for the final phase's revert of everything. */
  readonly faultKind: string;
  readonly revert: boolean;
  readonly skipped: boolean;
  /** The nodes it acted on (empty when it acted on links only, or was skipped). */
  readonly nodes: readonly string[];
}

export interface StatusRecord {
  readonly kind: 'status';
  readonly timeUs: number;
  readonly node: string;
  readonly status: CapturedNodeStatus;
}

export interface FlagRecord {
  readonly kind: 'flag';
  readonly timeUs: number;
  readonly node: string;
  readonly flag: string;
  readonly on: boolean;
}

export type CaptureRecord = MessageRecord | TimerRecord | FaultCaptureRecord | StatusRecord | FlagRecord;

export interface CaptureOptions {
  /** Events before this time are not kept (default 0). */
  readonly fromUs: number;
  /** Events at or after this time are not kept (Infinity: to the end of the run). */
  readonly toUs: number;
  /** Records kept at most; later ones are only counted. */
  readonly eventCountMax: number;
  /** A send record's body keeps at most this many characters of the message's JSON. */
  readonly bodyCharsMax: number;
}

export const CAPTURE_EVENT_COUNT_MAX_DEFAULT = 100_000;
export const CAPTURE_BODY_CHARS_MAX_DEFAULT = 200;

/** What a capture holds once the run is over: plain data. */
export interface CapturedRun {
  readonly nodeNames: readonly string[];
  readonly fromUs: number;
  /** The window's end, or where the run ended when that came first. */
  readonly toUs: number;
  readonly eventCountMax: number;
  readonly bodyCharsMax: number;
  /** In time order (the order they happened in). */
  readonly records: readonly CaptureRecord[];
  /** Events inside the window that were not kept because the cap was reached. */
  readonly droppedEventCount: number;
  /** When the first event past the cap happened; null when the cap was not reached. */
  readonly capReachedAtUs: number | null;
  /** Each node's status when the window opened (index = node index). */
  readonly statusAtStart: readonly CapturedNodeStatus[];
  /** Each node's flags that were on when the window opened, sorted. */
  readonly flagsAtStart: readonly (readonly string[])[];
}

/** The envelope fields the capture reads; the envelope object itself identifies the message. */
export interface CapturedEnvelope {
  readonly from: number;
  readonly to: number;
  readonly message: unknown;
}

interface MessageIdentity {
  readonly messageId: number;
  readonly messageKind: string;
  readonly sentAtUs: number;
}

export class EventCapture {
  private readonly records: CaptureRecord[] = [];
  private readonly identities = new WeakMap<object, MessageIdentity>();
  private sentCount = 0;
  private droppedEventCount = 0;
  private capReachedAtUs: number | null = null;
  private readonly statusAtStart: CapturedNodeStatus[];
  private readonly flagsAtStart: Set<string>[];

  constructor(
    private readonly nodeNames: readonly string[],
    private readonly nowUs: () => number,
    private readonly options: CaptureOptions,
  ) {
    if (!(options.fromUs >= 0 && options.toUs >= options.fromUs)) throw new RangeError('capture window must satisfy 0 <= from <= to');
    if (!(options.eventCountMax >= 0 && options.bodyCharsMax >= 0)) throw new RangeError('capture bounds must be >= 0');
    this.statusAtStart = nodeNames.map(() => 'up');
    this.flagsAtStart = nodeNames.map(() => new Set());
  }

  /** A message leaves `envelope.from` (a plain or a reliable send). */
  messageSent(envelope: CapturedEnvelope): void {
    const timeUs = this.nowUs();
    if (timeUs >= this.options.toUs) return;
    const identity: MessageIdentity = { messageId: this.sentCount++, messageKind: messageKindOf(envelope.message), sentAtUs: timeUs };
    this.identities.set(envelope, identity);
    if (timeUs < this.options.fromUs || !this.hasRoom(timeUs)) return;
    const charsMax = this.options.bodyCharsMax;
    const record: MessageRecord = { kind: 'send', timeUs, ...this.ends(envelope), ...identity };
    this.records.push(charsMax > 0 ? { ...record, body: bodyOf(envelope.message, charsMax) } : record);
  }

  /** Anything else that happens to a message already sent. */
  messageEvent(kind: Exclude<MessageEventKind, 'send'>, envelope: CapturedEnvelope): void {
    const timeUs = this.nowUs();
    if (!this.inWindow(timeUs)) return;
    const identity = this.identities.get(envelope);
    if (identity === undefined || !this.hasRoom(timeUs)) return;
    this.records.push({ kind, timeUs, ...this.ends(envelope), ...identity });
  }

  timerFired(nodeIndex: number): void {
    const timeUs = this.nowUs();
    if (!this.inWindow(timeUs) || !this.hasRoom(timeUs)) return;
    this.records.push({ kind: 'timer', timeUs, node: this.nodeNames[nodeIndex]! });
  }

  fault(fault: { readonly label: string; readonly faultKind: string; readonly revert: boolean; readonly skipped: boolean; readonly nodes: readonly number[] }): void {
    const timeUs = this.nowUs();
    if (!this.inWindow(timeUs) || !this.hasRoom(timeUs)) return;
    const nodes = fault.nodes.map((node) => this.nodeNames[node]!);
    this.records.push({ kind: 'fault', timeUs, label: fault.label, faultKind: fault.faultKind, revert: fault.revert, skipped: fault.skipped, nodes });
  }

  /** Called on every change, inside the window or not: before it, it sets the status the window opens with. */
  statusChanged(nodeIndex: number, status: CapturedNodeStatus): void {
    const timeUs = this.nowUs();
    if (timeUs < this.options.fromUs) {
      this.statusAtStart[nodeIndex] = status;
      return;
    }
    if (timeUs >= this.options.toUs || !this.hasRoom(timeUs)) return;
    this.records.push({ kind: 'status', timeUs, node: this.nodeNames[nodeIndex]!, status });
  }

  /** Called only when the flag really changes (the timeline recorder decides that). */
  flagChanged(nodeIndex: number, flag: string, on: boolean): void {
    const timeUs = this.nowUs();
    if (timeUs < this.options.fromUs) {
      if (on) this.flagsAtStart[nodeIndex]!.add(flag);
      else this.flagsAtStart[nodeIndex]!.delete(flag);
      return;
    }
    if (timeUs >= this.options.toUs || !this.hasRoom(timeUs)) return;
    this.records.push({ kind: 'flag', timeUs, node: this.nodeNames[nodeIndex]!, flag, on });
  }

  /** What was captured; `endUs` is where the run ended. */
  finish(endUs: number): CapturedRun {
    const { fromUs, toUs, eventCountMax, bodyCharsMax } = this.options;
    return {
      nodeNames: this.nodeNames,
      fromUs,
      toUs: Math.max(fromUs, Math.min(toUs, endUs)),
      eventCountMax,
      bodyCharsMax,
      records: this.records,
      droppedEventCount: this.droppedEventCount,
      capReachedAtUs: this.capReachedAtUs,
      statusAtStart: [...this.statusAtStart],
      flagsAtStart: this.flagsAtStart.map((flags) => [...flags].sort()),
    };
  }

  private inWindow(timeUs: number): boolean {
    return timeUs >= this.options.fromUs && timeUs < this.options.toUs;
  }

  /** False (and the event counted) once the cap is reached. */
  private hasRoom(timeUs: number): boolean {
    if (this.records.length < this.options.eventCountMax) return true;
    if (this.capReachedAtUs === null) this.capReachedAtUs = timeUs;
    this.droppedEventCount++;
    return false;
  }

  private ends(envelope: CapturedEnvelope): { from: string; to: string } {
    return { from: this.nodeNames[envelope.from]!, to: this.nodeNames[envelope.to]! };
  }
}

function messageKindOf(message: unknown): string {
  if (message !== null && typeof message === 'object') {
    const { kind, type } = message as { kind?: unknown; type?: unknown };
    if (typeof kind === 'string') return kind;
    if (typeof type === 'string') return type;
  }
  return message === null ? 'null' : typeof message;
}

/** The message as JSON, cut to `charsMax` characters; a message JSON cannot show is described instead. */
export function bodyOf(message: unknown, charsMax: number): string {
  let text: string;
  try {
    text = JSON.stringify(message, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)) ?? String(message);
  } catch {
    text = `(not JSON: ${Object.prototype.toString.call(message)})`;
  }
  return text.length <= charsMax ? text : `${text.slice(0, charsMax)}…`;
}
