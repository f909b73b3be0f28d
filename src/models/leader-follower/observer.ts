// The leader-follower model's observer (Shared): the kv ledger, who acts as leader when, and the
// lineage of every write (write-lineage.ts: which acknowledged writes the surviving replica never
// had). A node acts as leader while it believes it leads and is truly up (not crashed, not
// paused); the true status comes from the oracle, polled at every server event (so a term's end
// is known to within the gap between events, at most a heartbeat interval). With `detector:`, also
// the detector's quality of service over every replica pair. Times are true time (the oracle's),
// never a node's clock. Measurement only.

import type { MetricsRecorder, TruthOracle } from '../../model/api.js';
import type { DiscardedWrite, LeaderTerm, ReplicaState } from '../../model/replication-facts.js';
import type { DetectorQosTracker } from '../../model/kit/detectors/qos-tracker.js';
import { KvLedger } from '../../model/kit/kv/kv-ledger.js';
import type { Entry } from './messages.js';
import { newer, type ReplicaStore } from './replica-store.js';
import { WriteLineage, type Survivor } from './write-lineage.js';

/** Acknowledgement times kept per term: a bound on memory. */
const ACKS_PER_TERM_MAX = 100_000;
const TERMS_MAX = 100_000;

interface Belief {
  readonly epoch: number;
  /** The open acting term, or null while the node is down or paused. */
  term: { fromUs: number; writeAcksUs: number[] } | null;
}

export class LeaderFollowerObserver {
  readonly ledger: KvLedger;
  private readonly beliefs = new Map<string, Belief>();
  private readonly terms: LeaderTerm[] = [];
  private readonly stores = new Map<string, ReplicaStore>();
  private readonly lineage = new WriteLineage();
  /** Computed once, at finish (null: unknown). */
  private discardedWrites: DiscardedWrite[] | null = null;

  /** Quality of the replicas' failure detection, when they have a detector. */
  qos: DetectorQosTracker | null = null;
  private readonly nowUs = (): number => this.oracle.nowUs();

  constructor(
    private readonly oracle: TruthOracle,
    private readonly servers: readonly string[],
    private readonly durationUs: number,
  ) {
    this.ledger = new KvLedger(this.nowUs, (client) => oracle.status(client) !== 'down');
  }

  /** A replica (re)started with its store (on disk: the same object after a restart). */
  registerStore(node: string, store: ReplicaStore): void {
    this.stores.set(node, store);
  }

  /** The leader `node` accepted `entry` on top of `parent`, its entry for the key until then. */
  writeAccepted(entry: Entry, parent: Entry | null): void {
    this.lineage.accepted(entry, parent);
  }

  /** `node` now believes it leads in `epoch` (or no longer believes it leads, epoch null). */
  setLeader(node: string, epoch: number | null): void {
    this.tick();
    const belief = this.beliefs.get(node);
    if (belief) {
      this.closeTerm(node, belief);
      this.beliefs.delete(node);
    }
    if (epoch !== null) {
      const held = new Map((this.stores.get(node)?.snapshot() ?? []).map((entry) => [entry.key, entry] as const));
      this.lineage.elected({ node, epoch, atUs: this.nowUs(), held });
      const fresh: Belief = { epoch, term: null };
      this.beliefs.set(node, fresh);
      this.tick();
    }
  }

  /** The leader `node` told a client that `entry` was written. */
  leaderAckedWrite(node: string, entry: Entry): void {
    this.lineage.acknowledged(entry, node, this.nowUs());
    this.tick();
    const term = this.beliefs.get(node)?.term;
    if (term && term.writeAcksUs.length < ACKS_PER_TERM_MAX) term.writeAcksUs.push(this.nowUs());
  }

  /** The nodes acting as leader now: they believe they lead and are truly up (two in a split brain). */
  actingLeaders(): string[] {
    this.tick();
    return this.servers.filter((node) => this.beliefs.get(node)?.term != null);
  }

  /** Servers that are up and not acting as leader. */
  followers(): string[] {
    const leaders = this.actingLeaders();
    return this.servers.filter((node) => !leaders.includes(node) && this.oracle.status(node) === 'up');
  }

  /** Opens and closes acting terms from the nodes' true status. */
  tick(): void {
    for (const [node, belief] of this.beliefs) {
      const up = this.oracle.status(node) === 'up';
      if (up && belief.term === null) belief.term = { fromUs: this.nowUs(), writeAcksUs: [] };
      else if (!up && belief.term !== null) this.closeTerm(node, belief);
    }
  }

  private closeTerm(node: string, belief: Belief): void {
    if (belief.term === null) return;
    if (this.terms.length < TERMS_MAX) {
      this.terms.push({ node, epoch: belief.epoch, fromUs: belief.term.fromUs, toUs: this.nowUs(), writeAcksUs: belief.term.writeAcksUs });
    }
    belief.term = null;
  }

  /** Every term, the open ones closed at the end of the run. */
  leaderTerms(): LeaderTerm[] {
    const endUs = this.nowUs();
    const open = [...this.beliefs].flatMap(([node, belief]) =>
      belief.term === null ? [] : [{ node, epoch: belief.epoch, fromUs: belief.term.fromUs, toUs: endUs, writeAcksUs: belief.term.writeAcksUs }],
    );
    return [...this.terms, ...open].sort((a, b) => a.fromUs - b.fromUs || a.node.localeCompare(b.node));
  }

  replicaStates(): ReplicaState[] {
    return this.servers.map((node) => ({ node, entries: this.stores.get(node)?.contents() ?? [] }));
  }

  /**
   * The replica whose state survives: the acting leader of the highest epoch, or with none acting,
   * the most up-to-date replica (whom an election would pick; the first in server order on a tie).
   */
  private survivor(): Survivor {
    const acting = this.actingLeaders().sort((a, b) => this.beliefs.get(b)!.epoch - this.beliefs.get(a)!.epoch);
    const node = acting[0] ?? this.servers.reduce((best, server) => (this.positionNewer(server, best) ? server : best));
    const store = this.stores.get(node);
    return { node, entry: (key) => store?.entry(key) };
  }

  private positionNewer(a: string, b: string): boolean {
    const [storeA, storeB] = [this.stores.get(a), this.stores.get(b)];
    return storeA !== undefined && (storeB === undefined || newer(storeA.position, storeB.position));
  }

  /** The writes the model discarded (null: unknown), for the checks; known after finish. */
  discarded(): DiscardedWrite[] | null {
    return this.discardedWrites;
  }

  finish(metrics: MetricsRecorder): void {
    this.tick();
    this.discardedWrites = this.lineage.discarded(this.survivor());
    this.ledger.finish(metrics, this.discardedWrites);
    const { splitBrainUs, unavailableUs } = leaderCoverage(this.leaderTerms(), this.durationUs);
    metrics.set('leader.split-brain-ms', splitBrainUs / 1000);
    metrics.set('leader.unavailable-ms', unavailableUs / 1000);
    this.qos?.finish();
  }
}

/** Time (within [0, durationUs]) with two or more acting leaders, and with none. */
export function leaderCoverage(terms: readonly LeaderTerm[], durationUs: number): { splitBrainUs: number; unavailableUs: number } {
  const events: [number, number][] = [];
  for (const term of terms) {
    const fromUs = Math.min(term.fromUs, durationUs);
    const toUs = Math.min(term.toUs, durationUs);
    if (toUs > fromUs) events.push([fromUs, 1], [toUs, -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let splitBrainUs = 0;
  let unavailableUs = 0;
  let active = 0;
  let lastUs = 0;
  for (const [atUs, delta] of events) {
    if (active >= 2) splitBrainUs += atUs - lastUs;
    if (active === 0) unavailableUs += atUs - lastUs;
    active += delta;
    lastUs = atUs;
  }
  if (active === 0) unavailableUs += durationUs - lastUs;
  return { splitBrainUs, unavailableUs };
}
