// The simulation kernel: virtual time in integer microseconds, an event queue and a bounded run
// loop. It knows nothing of networks, nodes, YAML or terminals: subsystems register a handler per
// event kind and schedule events with plain payloads.

import { AssertionError, assert } from '../model/assert.js';
import { EventQueue } from './event-queue.js';

export type EventHandler = (payload: any) => void;

export type KernelStop = 'queue-empty' | 'time-reached' | 'event-budget-exhausted' | 'slice-done';

/**
 * Thrown by scheduleAt when the queue already holds the most pending events allowed: a model
 * that schedules faster than events are processed (two 0-delay timers per timer) would otherwise
 * fill memory. The run ends, naming the kind of event that overflowed.
 */
export class PendingEventsExceeded extends Error {
  constructor(
    readonly pendingEventCountMax: number,
    readonly eventKindName: string,
  ) {
    super(`more than ${pendingEventCountMax} events pending`);
    this.name = 'PendingEventsExceeded';
  }
}

export class Kernel {
  private queue = new EventQueue<unknown>();
  private handlers: EventHandler[] = [];
  private handlerNames: string[] = [];
  /** Called before each event runs, when set (the determinism check traces runs with it). */
  eventObserver: ((timeUs: number, kind: number, payload: unknown) => void) | null = null;
  private currentTimeUs = 0;
  private processedEventCount = 0;

  constructor(
    private readonly eventCountMax: number,
    private readonly pendingEventCountMax = Infinity,
  ) {
    assert(eventCountMax > 0, 'event budget must be positive');
    assert(pendingEventCountMax > 0, 'pending event bound must be positive');
  }

  get nowUs(): number {
    return this.currentTimeUs;
  }

  get eventCount(): number {
    return this.processedEventCount;
  }

  get pendingEventCount(): number {
    return this.queue.size;
  }

  /** The name a handler was registered with (for messages). */
  handlerName(kind: number): string {
    return this.handlerNames[kind] ?? 'event';
  }

  /** Registers a handler; returns the event kind to schedule events for it. `name` is for messages. */
  registerHandler(handler: EventHandler, name = 'event'): number {
    this.handlers.push(handler);
    this.handlerNames.push(name);
    return this.handlers.length - 1;
  }

  /** Schedules an event at an absolute time, not before now. Times are rounded to whole microseconds. */
  scheduleAt(timeUs: number, kind: number, payload: unknown): void {
    const rounded = Math.round(timeUs);
    // Not assert(): its message would be built on every call of this hot path.
    if (!(rounded >= this.currentTimeUs) || this.queue.size >= this.pendingEventCountMax) this.refuse(rounded, kind);
    this.queue.push(rounded, kind, payload);
  }

  /** Throws for an event scheduleAt cannot take (kept out of scheduleAt, which stays small). */
  private refuse(roundedUs: number, kind: number): never {
    if (!(roundedUs >= this.currentTimeUs)) {
      throw new AssertionError(`event scheduled in the past or at NaN: ${roundedUs} < ${this.currentTimeUs}`);
    }
    throw new PendingEventsExceeded(this.pendingEventCountMax, this.handlerName(kind));
  }

  scheduleAfter(delayUs: number, kind: number, payload: unknown): void {
    this.scheduleAt(this.currentTimeUs + delayUs, kind, payload);
  }

  /** The payloads of the pending events of one kind, in no particular (but a deterministic) order. */
  pendingPayloads(kind: number): unknown[] {
    return this.queue.pendingPayloads(kind);
  }

  /**
   * Runs events with time < untilUs, at most `sliceEventCount` of them (then 'slice-done', to be
   * called again). Afterwards the clock stands at untilUs unless stopped early.
   */
  runUntil(untilUs: number, sliceEventCount = Infinity): KernelStop {
    const queue = this.queue;
    const budget = this.eventCountMax;
    const sliceEnd = this.processedEventCount + sliceEventCount;
    const stopCount = Math.min(budget, sliceEnd);
    const observer = this.eventObserver;
    // One call site per early kind (see dispatch): each sees one handler, so V8 can inline it.
    const handlers = this.handlers;
    const h0 = handlers[0] ?? unused;
    const h1 = handlers[1] ?? unused;
    const h2 = handlers[2] ?? unused;
    const h3 = handlers[3] ?? unused;
    const h4 = handlers[4] ?? unused;
    const h5 = handlers[5] ?? unused;
    while (queue.size > 0) {
      const timeUs = queue.peekTimeUs();
      if (timeUs >= untilUs) break;
      if (this.processedEventCount >= stopCount) return this.processedEventCount >= budget ? 'event-budget-exhausted' : 'slice-done';
      this.currentTimeUs = timeUs;
      this.processedEventCount++;
      const kind = queue.beginRoot();
      const payload = queue.rootPayload();
      if (observer !== null) observer(timeUs, kind, payload);
      switch (kind) {
        case 0: h0(payload); break;
        case 1: h1(payload); break;
        case 2: h2(payload); break;
        case 3: h3(payload); break;
        case 4: h4(payload); break;
        case 5: h5(payload); break;
        default: handlers[kind]!(payload);
      }
      queue.finishRoot();
    }
    if (queue.size === 0 && untilUs === Infinity) return 'queue-empty';
    if (untilUs !== Infinity && untilUs > this.currentTimeUs) this.currentTimeUs = untilUs;
    return queue.size === 0 ? 'queue-empty' : 'time-reached';
  }
}

/** The handler of a kind nobody registered (never called: no event can have that kind). */
function unused(): void {
  throw new AssertionError('event of an unregistered kind');
}
