// Where a run's model code is, so that a run stopped inside a callback that never returns
// (`while (true) {}`, stopped by src/run/callback-watchdog.ts) can say which callback it was, on
// which node, at what simulated time. The run calls `enter*` whenever model code starts and
// `leave` when it returns. On the hot path: a few field stores and a reference to what names the
// callback (a message, a timer callback); the label itself is worked out only when asked.
// Knows no clocks and no threads.

/** Model code the run calls, by the API's names. */
export const MODEL_CALLBACKS = [
  'createShared',
  'createNode',
  'onMessage',
  'onRefused',
  'timer',
  'outstanding',
  'startFinalReads',
  'finish',
  'metricNames',
  'recordedFacts',
  'roles',
  'onStatusChange',
  'onFault',
] as const;

export type ModelCallback = (typeof MODEL_CALLBACKS)[number];

/** What the heartbeat says of the model code running. */
export interface HeartbeatSnapshot {
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
  private nodeNames: readonly string[] = [];
  private wallLimitMs = 0;
  private callback: ModelCallback | null = null;
  private nodeIndex = -1;
  private nowUs = 0;
  /** What the running callback's label comes from (a message, a timer callback). */
  private labelSource: unknown = undefined;

  /** A run begins (the heartbeat may have served an earlier run): its node names and wall-time limit. */
  startRun(nodeNames: readonly string[], wallLimitMs: number): void {
    this.nodeNames = nodeNames;
    this.wallLimitMs = Math.max(0, Math.round(wallLimitMs));
    this.leave();
  }

  /** Model code not tied to a message or a timer starts (nodeIndex -1: no node's). */
  enter(callback: ModelCallback, nodeIndex: number, nowUs: number): void {
    this.write(callback, nodeIndex, undefined, nowUs);
  }

  /** On every delivery: the stores written out, so that this stays a small leaf for V8 to inline. */
  enterMessage(nodeIndex: number, message: unknown, nowUs: number): void {
    this.callback = 'onMessage';
    this.nodeIndex = nodeIndex;
    this.labelSource = message;
    this.nowUs = nowUs;
  }

  enterRefused(nodeIndex: number, message: unknown, nowUs: number): void {
    this.write('onRefused', nodeIndex, message, nowUs);
  }

  enterTimer(nodeIndex: number, callback: () => void, nowUs: number): void {
    this.write('timer', nodeIndex, callback, nowUs);
  }

  /** The model code returned. */
  leave(): void {
    this.callback = null;
    this.labelSource = undefined;
  }

  snapshot(): HeartbeatSnapshot {
    const node = this.nodeIndex < 0 ? null : (this.nodeNames[this.nodeIndex] ?? `#${this.nodeIndex}`);
    return { callback: this.callback, node: this.callback === null ? null : node, label: this.label(), nowUs: this.nowUs, wallLimitMs: this.wallLimitMs };
  }

  private write(callback: ModelCallback, nodeIndex: number, labelSource: unknown, nowUs: number): void {
    this.callback = callback;
    this.nodeIndex = nodeIndex;
    this.labelSource = labelSource;
    this.nowUs = nowUs;
  }

  private label(): string | null {
    const source = this.labelSource;
    if (this.callback === 'timer') return typeof source === 'function' && source.name !== '' ? source.name : null;
    if (this.callback === 'onMessage' || this.callback === 'onRefused') return messageType(source) ?? null;
    return null;
  }
}

/** A message's type for messages: the message itself when a string, else its string `type` field. */
function messageType(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (typeof message !== 'object' || message === null) return undefined;
  const type = (message as { type?: unknown }).type;
  return typeof type === 'string' ? type : undefined;
}
