// Deprecated: read true time from the oracle instead (`setup.oracle.nowUs()` in createShared),
// which the built-in observers do. This reads the monotonic clock of the first node context the
// model creates, which equals true time only while that node's clock does not drift. Kept so that
// models written against earlier versions still run.

import type { NodeContext } from '../../api.js';

/** @deprecated use `setup.oracle.nowUs()` (true time) in the observer. */
export class ObserverClock {
  private context: NodeContext | null = null;

  use(context: NodeContext): void {
    this.context ??= context;
  }

  nowUs(): number {
    return this.context === null ? 0 : this.context.monotonicUs();
  }
}
