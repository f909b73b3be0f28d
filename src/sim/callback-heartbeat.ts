// Where a run's model code is, for a watchdog on another thread: a model callback that never
// returns (`while (true) {}`) cannot say so itself, and the thread running it cannot look. The run
// writes into a buffer (shared with the watchdog, or private when nobody watches) a sequence
// number bumped each time model code is entered, which callback runs (0: none), on which node,
// a label (a message's type, a timer callback's name) and the simulated time; the watchdog reads
// it (readHeartbeat). The run also writes its wall-time limit there (limits.callback-wall).
// On the hot path: plain typed-array stores (no Atomics: a store is visible to the other thread
// soon enough for a watchdog polling every few hundred milliseconds), labels interned once each
// into the buffer. Knows no clocks and no threads: the watchdog decides what is stuck.

/** Model code the run calls, by the API's names; index + 1 is the code written into the buffer. */
export const MODEL_CALLBACKS = [
  'createShared',
  'createNode',
  'onMessage',
  'onRefused',
  'timer',
  'outstanding',
  'startFinalReads',
  'finish',
  'recordedFacts',
  'roles',
  'onStatusChange',
  'onFault',
] as const;

export type ModelCallback = (typeof MODEL_CALLBACKS)[number];

const CALLBACK_CODE = Object.fromEntries(MODEL_CALLBACKS.map((name, i) => [name, i + 1])) as Record<ModelCallback, number>;
const ON_MESSAGE = CALLBACK_CODE.onMessage;
const ON_REFUSED = CALLBACK_CODE.onRefused;
const TIMER = CALLBACK_CODE.timer;

// Int32 slots, then one Float64 slot, then the label table.
const SEQUENCE = 0;
const CALLBACK = 1;
const NODE = 2;
const LABEL = 3;
const WALL_LIMIT_MS = 4;
const LABEL_COUNT = 5;
const INT_SLOT_COUNT = 8;
const NOW_US_BYTE_OFFSET = INT_SLOT_COUNT * 4;
const LABEL_TABLE_BYTE_OFFSET = NOW_US_BYTE_OFFSET + 8;
/**
 * Node names come first (ids 0..n-1, NODE_COUNT_MAX is 10,000), message types and timer names
 * after; past the table's end nodes are named by index (`#12345`) and labels go unnamed.
 */
const LABEL_COUNT_MAX = 16384;
/** Bytes of one label entry: a length byte, then at most LABEL_BYTES_MAX bytes of UTF-8. */
const LABEL_ENTRY_BYTES = 64;
const LABEL_BYTES_MAX = LABEL_ENTRY_BYTES - 1;

/** Size of a heartbeat buffer (1 MiB, mostly the label table). */
export const HEARTBEAT_BYTES = LABEL_TABLE_BYTE_OFFSET + LABEL_COUNT_MAX * LABEL_ENTRY_BYTES;

/** What one read of a heartbeat buffer saw. */
export interface HeartbeatSnapshot {
  readonly sequence: number;
  /** The model code running, or null between callbacks. */
  readonly callback: ModelCallback | null;
  readonly node: string | null;
  /** The message's type (onMessage, onRefused) or the timer callback's name, when it has one. */
  readonly label: string | null;
  readonly nowUs: number;
  /** The run's limits.callback-wall in milliseconds; 0 before a run has started. */
  readonly wallLimitMs: number;
}

export class CallbackHeartbeat {
  private readonly slots: Int32Array;
  private readonly times: Float64Array;
  private readonly labelBytes: Uint8Array;
  private readonly labelIds = new Map<string, number>();
  private readonly encoder = new TextEncoder();
  private lastLabel: string | undefined = undefined;
  private lastLabelId = -1;
  /** What the running callback's label comes from (a message, a timer callback), named only when asked. */
  private labelSource: unknown = undefined;

  constructor(readonly buffer: SharedArrayBuffer | ArrayBuffer = new ArrayBuffer(HEARTBEAT_BYTES)) {
    if (buffer.byteLength < HEARTBEAT_BYTES) throw new Error(`a heartbeat buffer needs ${HEARTBEAT_BYTES} bytes, got ${buffer.byteLength}`);
    this.slots = new Int32Array(buffer, 0, INT_SLOT_COUNT);
    this.times = new Float64Array(buffer, NOW_US_BYTE_OFFSET, 1);
    this.labelBytes = new Uint8Array(buffer, LABEL_TABLE_BYTE_OFFSET, LABEL_COUNT_MAX * LABEL_ENTRY_BYTES);
  }

  /** A run begins (the buffer may have served an earlier run): its node names and wall-time limit. */
  startRun(nodeNames: readonly string[], wallLimitMs: number): void {
    this.slots[CALLBACK] = 0;
    this.slots[LABEL_COUNT] = 0;
    this.labelIds.clear();
    this.lastLabel = undefined;
    this.lastLabelId = -1;
    for (const name of nodeNames) this.addLabel(name); // so a node's label id is its index
    this.slots[WALL_LIMIT_MS] = Math.max(0, Math.min(2 ** 31 - 1, Math.round(wallLimitMs)));
  }

  /** Model code not tied to a message or a timer starts (nodeIndex -1: no node's). */
  enter(callback: ModelCallback, nodeIndex: number, nowUs: number): void {
    this.write(CALLBACK_CODE[callback], nodeIndex, -1, nowUs);
  }

  // The hot path keeps only a reference to what names the callback: working out and interning a
  // label on every delivery cost about 7% of the event loop. The thread that ran the callback
  // names it once stopped (nameRunningCallback); a watchdog on another thread sees no label.
  enterMessage(nodeIndex: number, message: unknown, nowUs: number): void {
    this.labelSource = message;
    this.write(ON_MESSAGE, nodeIndex, -1, nowUs);
  }

  enterRefused(nodeIndex: number, message: unknown, nowUs: number): void {
    this.labelSource = message;
    this.write(ON_REFUSED, nodeIndex, -1, nowUs);
  }

  enterTimer(nodeIndex: number, callback: () => void, nowUs: number): void {
    this.labelSource = callback;
    this.write(TIMER, nodeIndex, -1, nowUs);
  }

  /** Writes the running callback's label (a message's type, a timer callback's name) into the buffer. */
  nameRunningCallback(): void {
    const code = this.slots[CALLBACK];
    const source = this.labelSource;
    const label = code === TIMER ? (typeof source === 'function' && source.name !== '' ? source.name : undefined) : code === ON_MESSAGE || code === ON_REFUSED ? messageType(source) : undefined;
    this.slots[LABEL] = this.labelId(label);
  }

  /** The model code returned. */
  leave(): void {
    this.slots[CALLBACK] = 0;
    this.labelSource = undefined;
  }

  private write(callback: number, nodeIndex: number, label: number, nowUs: number): void {
    const slots = this.slots;
    slots[CALLBACK] = callback;
    slots[NODE] = nodeIndex;
    slots[LABEL] = label;
    this.times[0] = nowUs;
    slots[SEQUENCE] = (slots[SEQUENCE]! + 1) | 0;
  }

  private labelId(label: string | undefined): number {
    if (label === undefined) return -1;
    if (label === this.lastLabel) return this.lastLabelId; // messages of one type often come in runs
    const id = this.labelIds.get(label) ?? this.addLabel(label);
    this.lastLabel = label;
    this.lastLabelId = id;
    return id;
  }

  /** Interns a label into the buffer; -1 once the table is full (then labels go unnamed). */
  private addLabel(label: string): number {
    const id = this.slots[LABEL_COUNT]!;
    if (id >= LABEL_COUNT_MAX) return -1;
    const entry = this.labelBytes.subarray(id * LABEL_ENTRY_BYTES, (id + 1) * LABEL_ENTRY_BYTES);
    const { written } = this.encoder.encodeInto(label, entry.subarray(1)); // whole characters only
    entry[0] = written;
    this.slots[LABEL_COUNT] = id + 1;
    this.labelIds.set(label, id);
    return id;
  }
}

/** A message's type for messages: the message itself when a string, else its string `type` field. */
function messageType(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}

/** Reads a heartbeat buffer (from any thread). */
export function readHeartbeat(buffer: SharedArrayBuffer | ArrayBuffer): HeartbeatSnapshot {
  const slots = new Int32Array(buffer, 0, INT_SLOT_COUNT);
  const code = Atomics.load(slots, CALLBACK);
  const nodeIndex = Atomics.load(slots, NODE);
  const labelId = Atomics.load(slots, LABEL);
  return {
    sequence: Atomics.load(slots, SEQUENCE),
    callback: MODEL_CALLBACKS[code - 1] ?? null,
    node: nodeIndex < 0 ? null : (readLabel(buffer, nodeIndex) ?? `#${nodeIndex}`),
    label: labelId < 0 ? null : readLabel(buffer, labelId),
    nowUs: new Float64Array(buffer, NOW_US_BYTE_OFFSET, 1)[0]!,
    wallLimitMs: Atomics.load(slots, WALL_LIMIT_MS),
  };
}

function readLabel(buffer: SharedArrayBuffer | ArrayBuffer, id: number): string | null {
  const count = Atomics.load(new Int32Array(buffer, 0, INT_SLOT_COUNT), LABEL_COUNT);
  if (id >= count) return null;
  const entry = new Uint8Array(buffer, LABEL_TABLE_BYTE_OFFSET + id * LABEL_ENTRY_BYTES, LABEL_ENTRY_BYTES);
  // TextDecoder refuses views of shared memory: decode a copy.
  return new TextDecoder().decode(entry.slice(1, 1 + Math.min(entry[0]!, LABEL_BYTES_MAX)));
}
