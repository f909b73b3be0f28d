// A binary min-heap of events keyed by (time, insertion sequence): ties in time break by the
// order in which events were scheduled, so runs are deterministic.
//
// Layout, for an event loop without per-event allocation or pointer shuffling: the heap itself is
// three typed arrays (time, sequence, slot). An event's kind and payload live in a *slot* that
// stays put while the event moves up and down the heap, so sifting copies only numbers (moving
// an object reference would cost a garbage-collector write barrier per heap level). Slots are
// recycled through a free stack; a slot is released as soon as its event starts being handled.
//
// "Replace-top": while the root event is being handled, the first event scheduled overwrites the
// root and sifts down once, instead of a pop and a push (two sifts). The order of events is the
// same as with pop-then-push, since (time, sequence) is a total order.

import { assert } from '../model/assert.js';

const CAPACITY_INITIAL = 1024;

export class EventQueue<P> {
  // The heap, by position.
  private timesUs = new Float64Array(CAPACITY_INITIAL);
  private sequences = new Float64Array(CAPACITY_INITIAL);
  private slots = new Int32Array(CAPACITY_INITIAL);
  // By slot: what the event is. A slot is in use from push until beginRoot of its event.
  private slotKinds = new Int32Array(CAPACITY_INITIAL);
  private slotPayloads: (P | undefined)[] = new Array<P | undefined>(CAPACITY_INITIAL).fill(undefined);
  private freeSlots = Int32Array.from({ length: CAPACITY_INITIAL }, (_, i) => CAPACITY_INITIAL - 1 - i);
  private freeSlotCount = CAPACITY_INITIAL;
  private count = 0;
  private nextSequence = 0;
  /** True while the root is being handled and has not yet been removed or replaced. */
  private rootPending = false;
  private handledPayload: P | undefined = undefined;

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
      // The handled root's slot was released by beginRoot, so a slot is free.
      this.rootPending = false;
      this.siftDownFromRoot(timeUs, sequence, this.takeSlot(kind, payload), this.count);
      return;
    }
    if (this.count === this.timesUs.length) this.grow();
    this.siftUp(this.count++, timeUs, sequence, this.takeSlot(kind, payload));
  }

  /**
   * Starts handling the root event: returns its kind and leaves its payload readable through
   * rootPayload(). The caller must call finishRoot() after handling it.
   */
  beginRoot(): number {
    if (this.count === 0 || this.rootPending) assert(false, 'beginRoot on an empty queue or twice');
    this.rootPending = true;
    const slot = this.slots[0]!;
    this.handledPayload = this.slotPayloads[slot];
    this.slotPayloads[slot] = undefined; // release the payload for the garbage collector
    this.freeSlots[this.freeSlotCount++] = slot;
    return this.slotKinds[slot]!;
  }

  /** The payload of the event being handled (between beginRoot and finishRoot). */
  rootPayload(): P {
    return this.handledPayload as P;
  }

  finishRoot(): void {
    if (!this.rootPending) return; // replaced by a push while it was handled
    this.rootPending = false;
    const last = --this.count;
    if (last > 0) this.siftDownFromRoot(this.timesUs[last]!, this.sequences[last]!, this.slots[last]!, last);
  }

  /** Payloads of the pending events of `kind` (the one being handled excluded), in heap order. */
  pendingPayloads(kind: number): P[] {
    const found: P[] = [];
    for (let i = this.rootPending ? 1 : 0; i < this.count; i++) {
      const slot = this.slots[i]!;
      if (this.slotKinds[slot] === kind) found.push(this.slotPayloads[slot] as P);
    }
    return found;
  }

  private takeSlot(kind: number, payload: P): number {
    const slot = this.freeSlots[--this.freeSlotCount]!;
    this.slotKinds[slot] = kind;
    this.slotPayloads[slot] = payload;
    return slot;
  }

  /** Places (time, sequence, slot) at position i (a hole) and moves it up to where it belongs. */
  private siftUp(i: number, timeUs: number, sequence: number, slot: number): void {
    const times = this.timesUs;
    const sequences = this.sequences;
    const slots = this.slots;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentTime = times[parent]!;
      if (parentTime < timeUs || (parentTime === timeUs && sequences[parent]! < sequence)) break;
      times[i] = parentTime;
      sequences[i] = sequences[parent]!;
      slots[i] = slots[parent]!;
      i = parent;
    }
    times[i] = timeUs;
    sequences[i] = sequence;
    slots[i] = slot;
  }

  /** Places (time, sequence, slot) at the root of a heap of n events and moves it down. */
  private siftDownFromRoot(timeUs: number, sequence: number, slot: number, n: number): void {
    const times = this.timesUs;
    const sequences = this.sequences;
    const slots = this.slots;
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
      slots[i] = slots[child]!;
      i = child;
    }
    times[i] = timeUs;
    sequences[i] = sequence;
    slots[i] = slot;
  }

  /** Doubles every array; the new slots go onto the free stack. */
  private grow(): void {
    const capacity = this.timesUs.length;
    const grown = capacity * 2;
    this.timesUs = growFloat64(this.timesUs, grown);
    this.sequences = growFloat64(this.sequences, grown);
    this.slots = growInt32(this.slots, grown);
    this.slotKinds = growInt32(this.slotKinds, grown);
    for (let slot = capacity; slot < grown; slot++) this.slotPayloads.push(undefined);
    const freeSlots = growInt32(this.freeSlots, grown);
    for (let slot = grown - 1; slot >= capacity; slot--) freeSlots[this.freeSlotCount++] = slot;
    this.freeSlots = freeSlots;
  }
}

function growFloat64(array: Float64Array, length: number): Float64Array<ArrayBuffer> {
  const grown = new Float64Array(length);
  grown.set(array);
  return grown;
}

function growInt32(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(length);
  grown.set(array);
  return grown;
}
