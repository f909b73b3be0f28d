// A message in transit, with what the simulator records about it, and the pool that recycles
// envelopes once nothing refers to them any more, so that steady message traffic allocates none.
//
// Who refers to an envelope: each pending kernel event that carries it (a delivery, a duplicate
// delivery, a retransmission, a refusal notice) and each node table entry that holds it for a
// paused node. `holds` counts them; the network recycles an envelope when its last event has
// been handled and the count is 0. Model code never sees envelopes (only their messages), so a
// recycled envelope cannot be reached from it. An envelope lost with its holder (a crash clears
// what a paused node held) simply never returns to the pool.

import { assert } from '../model/assert.js';
import type { MessageFate, MessageTracker } from '../model/api.js';

export class Tracker implements MessageTracker {
  fate: MessageFate = 'in-flight';
}

export class Envelope {
  from = 0;
  to = 0;
  message: unknown = undefined;
  tracker: Tracker | null = null;
  /** Transmissions left (reliable sends only; 0 for plain sends once sent). */
  transmissionsLeft = 0;
  retransmitAfterUs = 0;
  /** Pending events and held entries that refer to this envelope (see the file header). */
  holds = 0;
  /** True while it sits in the pool (for the assertions: a pooled envelope is never in flight). */
  pooled = false;
}

/** At most this many free envelopes are kept (about 4 MB); more are left to the garbage collector. */
const FREE_ENVELOPE_COUNT_MAX = 65_536;

export class EnvelopePool {
  /** Free envelopes at [0, freeCount); a stack kept by count, since pop() may shrink an array. */
  private readonly free: Envelope[] = [];
  private freeCount = 0;
  /** Envelopes created so far (for tests and the benchmark: flat in steady state). */
  createdCount = 0;

  take(from: number, to: number, message: unknown, tracker: Tracker | null, transmissionCount: number, retransmitAfterUs: number): Envelope {
    let envelope: Envelope;
    if (this.freeCount > 0) {
      envelope = this.free[--this.freeCount]!;
    } else {
      envelope = new Envelope();
      this.createdCount++;
    }
    envelope.pooled = false;
    envelope.from = from;
    envelope.to = to;
    envelope.message = message;
    envelope.tracker = tracker;
    envelope.transmissionsLeft = transmissionCount;
    envelope.retransmitAfterUs = retransmitAfterUs;
    return envelope;
  }

  /** Returns the envelope to the pool when nothing refers to it any more. */
  settle(envelope: Envelope): void {
    if (envelope.holds === 0) this.recycle(envelope);
  }

  private recycle(envelope: Envelope): void {
    if (envelope.pooled) assert(false, 'an envelope recycled twice');
    envelope.message = undefined;
    envelope.tracker = null;
    if (this.freeCount >= FREE_ENVELOPE_COUNT_MAX) return;
    envelope.pooled = true;
    this.free[this.freeCount++] = envelope;
  }

  get freeEnvelopeCount(): number {
    return this.freeCount;
  }
}
