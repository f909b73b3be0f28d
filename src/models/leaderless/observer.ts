// The leaderless model's observer (Shared): the kv ledger, the t-visibility tally, and each
// replica's final contents for `converged`. Measurement only.

import type { MetricsRecorder, TruthOracle } from '../../model/api.js';
import type { KeyPlacement, ReplicaState } from '../../model/replication-facts.js';
import { KvLedger } from '../../model/kit/kv/kv-ledger.js';
import type { KvValue } from '../../model/kit/kv/kv-messages.js';
import { ObserverClock } from '../../model/kit/kv/observer-clock.js';
import { VisibilityTally } from '../../model/kit/kv/visibility-client.js';

export class LeaderlessObserver {
  readonly clock = new ObserverClock();
  readonly ledger: KvLedger;
  readonly visibility = new VisibilityTally();
  private readonly stores = new Map<string, () => [string, KvValue][]>();
  private readonly clientIsUp: (client: string) => boolean;

  constructor(
    private readonly replicas: readonly string[],
    oracle: TruthOracle,
    private readonly homeReplicas: (key: string) => readonly string[],
  ) {
    this.clientIsUp = (client) => oracle.status(client) !== 'down';
    this.ledger = new KvLedger(() => this.clock.nowUs(), this.clientIsUp);
  }

  registerStore(node: string, contents: () => [string, KvValue][]): void {
    this.stores.set(node, contents);
  }

  replicaStates(): ReplicaState[] {
    return this.replicas.map((node) => ({ node, entries: this.stores.get(node)?.() ?? [] }));
  }

  /** The home replicas of every key some replica holds (hints are not held in a store). */
  placement(): KeyPlacement[] {
    const keys = new Set<string>();
    for (const contents of this.stores.values()) for (const [key] of contents()) keys.add(key);
    return [...keys].sort().map((key) => ({ key, replicas: this.homeReplicas(key) }));
  }

  outstanding(): number {
    return this.ledger.outstanding() + this.visibility.inFlight(this.clientIsUp);
  }

  finish(metrics: MetricsRecorder): void {
    this.ledger.finish(metrics);
    this.visibility.finish(metrics);
  }
}
