// A message in transit, with what the simulator records about it.

import type { MessageFate, MessageTracker } from '../model/api.js';

export class Tracker implements MessageTracker {
  fate: MessageFate = 'in-flight';
}

export interface Envelope {
  readonly from: number;
  readonly to: number;
  readonly message: unknown;
  readonly tracker: Tracker | null;
  /** Transmissions left (reliable sends only; 0 for plain sends). */
  transmissionsLeft: number;
  readonly retransmitAfterUs: number;
}
