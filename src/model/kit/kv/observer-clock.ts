// The simulated time for a model's observer, which the model API gives no clock of its own: read
// through the first node context the model creates (contexts outlive crashes, and every node's
// clock is the true time). Measurement only.

import type { NodeContext } from '../../api.js';

export class ObserverClock {
  private context: NodeContext | null = null;

  use(context: NodeContext): void {
    this.context ??= context;
  }

  nowUs(): number {
    return this.context === null ? 0 : this.context.nowUs();
  }
}
