// The raft model's observer (Shared): the kv ledger, who believes it leads in which term, every
// election won and every entry applied (the facts for `election-safety` and
// `state-machine-safety`), the election time (election-clock.ts), the time without a leader that
// can commit, and commit latency — all in true time, from the truth oracle. Measurement only:
// nodes report to it and never read it to decide anything.

import type { FaultEvent, MetricsRecorder, ModelSetup } from '../../model/api.js';
import type { AppliedEntry, LeaderElected } from '../../model/consensus-facts.js';
import { KvLedger } from '../../model/kit/kv/kv-ledger.js';
import type { KvValue } from '../../model/kit/kv/kv-messages.js';
import type { ReplicaState } from '../../model/replication-facts.js';
import { ElectionClock, reachesMajority } from './election-clock.js';
import { describeCommand, type LogEntry } from './messages.js';

/** Bounds on what the facts keep (beyond them the checks answer "unknown"). */
const ELECTIONS_KEPT_MAX = 100_000;
const APPLICATIONS_KEPT_MAX = 2_000_000;
/** Entries a leader has appended and not yet seen committed, whose commit latency is measured. */
const UNCOMMITTED_TRACKED_MAX = 100_000;

export class RaftObserver {
  readonly ledger: KvLedger;
  private readonly nowUs: () => number;
  /** Who believes it leads, in which term (a crashed leader's belief ends when it restarts). */
  private readonly believedTerm = new Map<string, number>();
  private readonly stores = new Map<string, () => [string, KvValue][]>();
  private readonly elected: LeaderElected[] = [];
  private electedTruncated = false;
  private readonly applications: AppliedEntry[] = [];
  private applicationsTruncated = false;
  /** Per server, per index: the entry it applied there (to record each application once). */
  private readonly appliedBy = new Map<string, Map<number, string>>();
  private highestTerm = 0;
  private readonly termsWon = new Set<number>();
  /** Per leader: true time each entry it appended in its term was appended, until committed. */
  private readonly appendedUs = new Map<string, Map<number, number>>();
  private readonly clock: ElectionClock;
  /** Time (true, within the workload) with no leader that is up and reaches a majority. */
  private unavailableUs = 0;
  private unavailableSinceUs: number | null = 0;

  constructor(
    private readonly setup: ModelSetup,
    private readonly servers: readonly string[],
  ) {
    const { oracle } = setup;
    this.nowUs = () => oracle.nowUs();
    this.ledger = new KvLedger(this.nowUs, (client) => oracle.status(client) !== 'down');
    this.clock = new ElectionClock({
      oracle,
      servers,
      onMeasured: (electionMs) => setup.metrics.observe('leader.election-time', electionMs),
      highestTerm: () => this.highestTerm,
      believesLeading: (node, term) => this.believedTerm.get(node) === term,
    });
    oracle.onFault((event: FaultEvent) => {
      this.clock.onFault(event);
      this.updateAvailability();
    });
    oracle.onStatusChange(() => this.updateAvailability());
  }

  /** A server (re)started: it follows nobody yet, and applies its log again from the start. */
  serverStarted(node: string, term: number, contents: () => [string, KvValue][]): void {
    this.believedTerm.delete(node);
    this.appendedUs.delete(node);
    this.stores.set(node, contents);
    this.termStarted(node, term);
    this.updateAvailability();
  }

  termStarted(_node: string, term: number): void {
    this.highestTerm = Math.max(this.highestTerm, term);
  }

  becameLeader(node: string, term: number): void {
    this.believedTerm.set(node, term);
    this.appendedUs.set(node, new Map());
    this.termsWon.add(term);
    this.setup.metrics.count('leader.elections');
    if (this.elected.length < ELECTIONS_KEPT_MAX) this.elected.push({ term, node, atUs: this.nowUs() });
    else this.electedTruncated = true;
    this.clock.leaderElected(node, term);
    this.updateAvailability();
  }

  steppedDown(node: string): void {
    this.believedTerm.delete(node);
    this.appendedUs.delete(node);
    this.updateAvailability();
  }

  /** A follower cut off a conflicting suffix of its log: entries of an old term that were never committed. */
  entriesTruncated(count: number): void {
    this.setup.metrics.count('raft.entries-truncated', count);
  }

  appendEntriesReceived(follower: string, leader: string, term: number): void {
    this.clock.appendEntriesReceived(follower, leader, term);
  }

  entryAppended(leader: string, index: number): void {
    const pending = this.appendedUs.get(leader);
    if (pending !== undefined && pending.size < UNCOMMITTED_TRACKED_MAX) pending.set(index, this.nowUs());
  }

  committedUpTo(leader: string, index: number): void {
    const pending = this.appendedUs.get(leader);
    if (pending === undefined) return;
    for (const [appended, atUs] of pending) {
      if (appended > index) break;
      this.setup.metrics.observe('raft.commit-latency', (this.nowUs() - atUs) / 1000);
      pending.delete(appended);
    }
  }

  applied(node: string, index: number, entry: LogEntry): void {
    const command = describeCommand(entry.command);
    const identity = `${entry.term} ${command}`;
    let byIndex = this.appliedBy.get(node);
    if (byIndex === undefined) {
      byIndex = new Map();
      this.appliedBy.set(node, byIndex);
    }
    if (byIndex.get(index) === identity) return;
    byIndex.set(index, identity);
    if (this.applications.length < APPLICATIONS_KEPT_MAX) this.applications.push({ node, index, term: entry.term, command, atUs: this.nowUs() });
    else this.applicationsTruncated = true;
  }

  /** Servers that believe they lead and are truly up (two when an old leader has not heard of its successor). */
  actingLeaders(): string[] {
    return this.servers.filter((node) => this.believedTerm.has(node) && this.setup.oracle.status(node) === 'up');
  }

  followers(): string[] {
    const leaders = this.actingLeaders();
    return this.servers.filter((node) => !leaders.includes(node) && this.setup.oracle.status(node) === 'up');
  }

  /** Starts or ends a stretch without a leader that is up and can reach a majority. */
  private updateAvailability(): void {
    const { oracle } = this.setup;
    const available = this.actingLeaders().some((node) => reachesMajority(oracle, this.servers, node));
    const nowUs = Math.min(this.nowUs(), this.setup.durationUs);
    if (available && this.unavailableSinceUs !== null) {
      this.unavailableUs += nowUs - this.unavailableSinceUs;
      this.unavailableSinceUs = null;
    } else if (!available && this.unavailableSinceUs === null) {
      this.unavailableSinceUs = nowUs;
    }
  }

  replicaStates(): ReplicaState[] {
    return this.servers.map((node) => ({ node, entries: this.stores.get(node)?.() ?? [] }));
  }

  facts(): { leadersElected: LeaderElected[]; leadersElectedTruncated: boolean; applied: AppliedEntry[]; appliedTruncated: boolean; replicaStates: ReplicaState[] } {
    return {
      leadersElected: this.elected,
      leadersElectedTruncated: this.electedTruncated,
      applied: this.applications,
      appliedTruncated: this.applicationsTruncated,
      replicaStates: this.replicaStates(),
    };
  }

  finish(metrics: MetricsRecorder): void {
    this.ledger.finish(metrics);
    const endUs = Math.min(this.nowUs(), this.setup.durationUs);
    const unavailableUs = this.unavailableUs + (this.unavailableSinceUs === null ? 0 : endUs - this.unavailableSinceUs);
    metrics.set('leader.unavailable-ms', unavailableUs / 1000);
    metrics.set('raft.terms', this.highestTerm);
    metrics.set('raft.split-votes', this.highestTerm - this.termsWon.size);
  }
}
