// The leaderless model's observer (Shared): the kv ledger, the t-visibility tally, each replica's
// final contents for `converged`, and the order of every write for the discarded ones
// (discarded-writes.ts). Times are true time (the oracle's), never a node's clock. Measurement only.

import type { MetricsRecorder, TruthOracle } from '../../model/api.js';
import type { DiscardedWrite, KeyPlacement, ReplicaState } from '../../model/replication-facts.js';
import { KvLedger } from '../../model/kit/kv/kv-ledger.js';
import type { KvValue } from '../../model/kit/kv/kv-messages.js';
import { VisibilityTally } from '../../model/kit/kv/visibility-client.js';
import type { LeaderlessConfig } from './config.js';
import { DiscardedWriteTracker } from './discarded-writes.js';
import type { Versioned } from './messages.js';

export class LeaderlessObserver {
  readonly ledger: KvLedger;
  readonly visibility = new VisibilityTally();
  private readonly stores = new Map<string, () => [string, KvValue][]>();
  private readonly clientIsUp: (client: string) => boolean;
  private readonly tracker: DiscardedWriteTracker;
  /** The t-visibility workload records no history to judge writes by: no need to track them. */
  private readonly tracking: boolean;
  /** Computed once, at finish. */
  private discardedWrites: DiscardedWrite[] | null = null;

  constructor(
    private readonly config: LeaderlessConfig,
    oracle: TruthOracle,
    private readonly homeReplicas: (key: string) => readonly string[],
  ) {
    this.clientIsUp = (client) => oracle.status(client) !== 'down';
    this.ledger = new KvLedger(() => oracle.nowUs(), this.clientIsUp);
    this.tracker = new DiscardedWriteTracker(config.conflict);
    this.tracking = config.workload.kind === 'kv';
  }

  registerStore(node: string, contents: () => [string, KvValue][]): void {
    this.stores.set(node, contents);
  }

  /** A coordinator versioned (and under `lww` stamped) a client's write. */
  writeVersioned(item: Versioned, coordinator: string): void {
    if (this.tracking) this.tracker.versioned(item, coordinator);
  }

  replicaStates(): ReplicaState[] {
    return this.config.replicas.map((node) => ({ node, entries: this.stores.get(node)?.() ?? [] }));
  }

  /** The home replicas of every key some replica holds (hints are not held in a store). */
  placement(): KeyPlacement[] {
    const keys = new Set<string>();
    for (const contents of this.stores.values()) for (const [key] of contents()) keys.add(key);
    return [...keys].sort().map((key) => ({ key, replicas: this.homeReplicas(key) }));
  }

  /** The writes the model discarded (null: unknown), for the checks; known after finish. */
  discarded(): DiscardedWrite[] | null {
    return this.discardedWrites;
  }

  outstanding(): number {
    return this.ledger.outstanding() + this.visibility.inFlight(this.clientIsUp);
  }

  finish(metrics: MetricsRecorder): void {
    this.discardedWrites = this.tracker.discarded(this.ledger.operations());
    this.ledger.finish(metrics, this.discardedWrites);
    const acknowledged = this.ledger.acknowledgedDiscards(this.discardedWrites);
    if (acknowledged !== null) metrics.set('writes.lww-dropped', acknowledged.filter((lost) => lost.cause === 'lww').length);
    this.visibility.finish(metrics);
  }
}
