// The history a linearizability check reads: operations with a real-time interval and an
// outcome, and the conversion from Jepsen-style event lists (invoke, then ok / fail / info) into
// such operations. Pure data; knows no file format and no model.

/** What the system told the client about an operation. */
export type Outcome =
  /** Took effect, exactly once, between call and return, and returned `output`. */
  | 'ok'
  /** Did not take effect. The checker ignores it. */
  | 'fail'
  /** Timed out or crashed: may have taken effect at any point after its call, or never. */
  | 'unknown';

/** One operation, paired from its invocation and completion. */
export interface Operation {
  /** Position in the history's operation list (stable, used in witnesses). */
  readonly id: number;
  readonly process: number | string;
  /** Function name understood by the model: `read`, `write`, `cas`, `get`, `put`, `append`, `txn`. */
  readonly f: string;
  /** Key for key-value histories; absent for a single register. */
  readonly key?: string;
  /** Argument: the written value, `[from, to]` for cas, the txn's micro-operations. */
  readonly input: unknown;
  /**
   * Result: a read's value (`null` = absent, `undefined` = unknown, matches anything); a cas's
   * success as a boolean (`false` = the compare did not match). `undefined` when not known.
   */
  readonly output: unknown;
  readonly outcome: Outcome;
  /**
   * Call and return on one time axis, in any unit shared by the whole history: the event index
   * for files, simulated microseconds for recorded histories. Equal times count as concurrent.
   * `returnTime` is `Infinity` when the outcome is unknown.
   */
  readonly callTime: number;
  readonly returnTime: number;
  /** 1-based line of the invocation in the source file, when read from one. */
  readonly line?: number;
}

/** One event of a Jepsen-style history, in the order it happened. */
export interface HistoryEvent {
  readonly process: number | string;
  readonly type: 'invoke' | 'ok' | 'fail' | 'info';
  readonly f: string;
  readonly key?: string;
  readonly value?: unknown;
  /** Position on the time axis; the event's index when absent. */
  readonly time?: number;
  readonly line?: number;
}

/** How a format encodes the things formats disagree on. */
export interface EventConventions {
  /**
   * `compare-mismatch`: a `fail` cas ran and found a different value (etcd logs, ddsim).
   * `no-effect`: a `fail` cas did not happen at all (Knossos).
   */
  readonly failedCas: 'compare-mismatch' | 'no-effect';
  /** What a completed read of `nil`/`null` means (no value at all always means unknown). */
  readonly nilRead: 'absent' | 'unknown';
}

/** A problem that makes a history unreadable (an operation completed twice, say). */
export class HistoryError extends Error {
  constructor(
    message: string,
    /** 1-based; 0 when unknown. */
    readonly line: number,
    readonly column = 0,
  ) {
    super(message);
    this.name = 'HistoryError';
  }
}

interface Pending {
  readonly event: HistoryEvent;
  readonly callTime: number;
}

/**
 * Pairs each invocation with the next completion of the same process. Invocations never
 * completed, and `info` completions, become operations of unknown outcome. Returns operations
 * in invocation order.
 */
export function eventsToOperations(
  events: readonly HistoryEvent[],
  conventions: EventConventions,
): Operation[] {
  const pendingByProcess = new Map<number | string, Pending>();
  const order: Pending[] = [];
  const completions = new Map<Pending, { completion: HistoryEvent; returnTime: number }>();
  events.forEach((event, index) => {
    const time = event.time ?? index;
    if (event.type === 'invoke') {
      if (pendingByProcess.has(event.process)) {
        throw new HistoryError(
          `process ${String(event.process)} invokes ${event.f} while its previous operation is still pending`,
          event.line ?? 0,
        );
      }
      const pending = { event, callTime: time };
      pendingByProcess.set(event.process, pending);
      order.push(pending);
      return;
    }
    const pending = pendingByProcess.get(event.process);
    if (!pending) {
      throw new HistoryError(
        `process ${String(event.process)} completes ${event.f} (${event.type}) without a pending invocation`,
        event.line ?? 0,
      );
    }
    if (pending.event.f !== event.f) {
      throw new HistoryError(
        `process ${String(event.process)} invoked ${pending.event.f} but completes ${event.f}`,
        event.line ?? 0,
      );
    }
    pendingByProcess.delete(event.process);
    completions.set(pending, { completion: event, returnTime: time });
  });
  return order.map((call, id) => {
    const done = completions.get(call);
    return toOperation(id, call, done?.completion ?? null, done?.returnTime ?? Infinity, conventions);
  });
}

function toOperation(
  id: number,
  call: Pending,
  completion: HistoryEvent | null,
  returnTime: number,
  conventions: EventConventions,
): Operation {
  const invoke = call.event;
  const input = invoke.f === 'txn' && completion?.type === 'ok' ? completion.value : invoke.value;
  const [output, outcome, returned] = resultOf(invoke, completion, returnTime, conventions);
  // Built field by field (no spreads): a history may hold millions of these.
  const operation: { -readonly [K in keyof Operation]: Operation[K] } = {
    id,
    process: invoke.process,
    f: invoke.f,
    input,
    output,
    outcome,
    callTime: call.callTime,
    returnTime: returned,
  };
  if (invoke.key !== undefined) operation.key = invoke.key;
  if (invoke.line !== undefined) operation.line = invoke.line;
  return operation;
}

function resultOf(
  invoke: HistoryEvent,
  completion: HistoryEvent | null,
  returnTime: number,
  conventions: EventConventions,
): [output: unknown, outcome: Outcome, returnTime: number] {
  if (completion === null || completion.type === 'info') return [undefined, 'unknown', Infinity];
  if (completion.type === 'fail') {
    if (invoke.f === 'cas' && conventions.failedCas === 'compare-mismatch') return [false, 'ok', returnTime];
    return [undefined, 'fail', returnTime];
  }
  return [completedOutput(invoke.f, completion.value, conventions), 'ok', returnTime];
}

function completedOutput(f: string, value: unknown, conventions: EventConventions): unknown {
  if (f === 'cas') return true;
  if (f === 'read' || f === 'get') {
    if (value === undefined) return undefined;
    if (value === null) return conventions.nilRead === 'absent' ? null : undefined;
    return value;
  }
  return value;
}
