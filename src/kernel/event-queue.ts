// A binary min-heap of events keyed by (time, insertion sequence): ties in time break by the
// order in which events were scheduled, so runs are deterministic. Struct-of-arrays layout (typed
// arrays for keys) to keep the event loop free of per-event key allocation.
//
// "Replace-top": while the root event is being handled, the first event scheduled overwrites the
// root and sifts down once, instead of a pop and a push (two sifts). The order of events is the
// same as with pop-then-push, since (time, sequence) is a total order.

import { assert } from './assert.js';

export class EventQueue<P> {
  private timesUs = new Float64Array(1024);
  private sequences = new Float64Array(1024);
  private kinds = new Int32Array(1024);
  private payloads: (P | undefined)[] = new Array(1024);
  private count = 0;
  private nextSequence = 0;
  /** True while the root is being handled and has not yet been removed or replaced. */
  private rootPending = false;

  get size(): number {
    return this.rootPending ? this.count - 1 : this.count;
  }

  /** Time of the earliest event; only valid when size > 0 and no root is pending. */
  peekTimeUs(): number {
    return this.timesUs[0]!;
  }

  push(timeUs: number, kind: number, payload: P): void {
    const sequence = this.nextSequence++;
    if (this.rootPending) {
      this.rootPending = false;
      this.siftDownFromRoot(timeUs, sequence, kind, payload, this.count);
      return;
    }
    if (this.count === this.timesUs.length) this.grow();
    let i = this.count++;
    const times = this.timesUs;
    const sequences = this.sequences;
    const kinds = this.kinds;
    const payloads = this.payloads;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < timeUs || (parentTime === timeUs && sequences[parent]! < sequence)) break;
      times[i] = parentTime;
      sequences[i] = sequences[parent]!;
      kinds[i] = kinds[parent]!;
      payloads[i] = payloads[parent];
      i = parent;
    }
    times[i] = timeUs;
    sequences[i] = sequence;
    kinds[i] = kind;
    payloads[i] = payload;
  }

  /**
   * Starts handling the root event: returns its kind and leaves its payload readable through
   * rootPayload(). The caller must call finishRoot() after handling it.
   */
  beginRoot(): number {
    if (this.count === 0 || this.rootPending) assert(false, 'beginRoot on an empty queue or twice');
    this.rootPending = true;
    return this.kinds[0]!;
  }

  rootPayload(): P {
    return this.payloads[0] as P;
  }

  finishRoot(): void {
    if (!this.rootPending) return; // replaced by a push while it was handled
    this.rootPending = false;
    const last = --this.count;
    if (last > 0) {
      this.siftDownFromRoot(
        this.timesUs[last]!,
        this.sequences[last]!,
        this.kinds[last]!,
        this.payloads[last] as P,
        last,
      );
    }
    this.payloads[last] = undefined; // release the payload for the garbage collector
  }

  private siftDownFromRoot(timeUs: number, sequence: number, kind: number, payload: P, n: number): void {
    const times = this.timesUs;
    const sequences = this.sequences;
    const kinds = this.kinds;
    const payloads = this.payloads;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let childTime = times[child]!;
      let childSequence = sequences[child]!;
      const right = child + 1;
      if (right < n) {
        const rightTime = times[right]!;
        if (rightTime < childTime || (rightTime === childTime && sequences[right]! < childSequence)) {
          child = right;
          childTime = rightTime;
          childSequence = sequences[right]!;
        }
      }
      if (timeUs < childTime || (timeUs === childTime && sequence < childSequence)) break;
      times[i] = childTime;
      sequences[i] = childSequence;
      kinds[i] = kinds[child]!;
      payloads[i] = payloads[child];
      i = child;
    }
    times[i] = timeUs;
    sequences[i] = sequence;
    kinds[i] = kind;
    payloads[i] = payload;
  }

  private grow(): void {
    const capacity = this.timesUs.length * 2;
    const times = new Float64Array(capacity);
    times.set(this.timesUs);
    this.timesUs = times;
    const sequences = new Float64Array(capacity);
    sequences.set(this.sequences);
    this.sequences = sequences;
    const kinds = new Int32Array(capacity);
    kinds.set(this.kinds);
    this.kinds = kinds;
    this.payloads.length = capacity;
  }
}
