// Measures `leader.election-time` as the Raft paper does (§9.3, Figure 16): from the true
// instant the established leader crashed, paused or was cut off from a majority (a fault on the
// feed), to the moment a majority of the live servers has received the first AppendEntries of a
// leader of a later term (the new leader counts itself). A leader is *established* once that
// happens. If the old leader is back (resumed, healed) before anyone stood in a later term, the
// outage is dropped: nobody had to replace it. Measurement only: nodes never read it.

import type { FaultEvent, TruthOracle } from '../../model/api.js';

interface Outage {
  readonly startUs: number;
  /** The term of the leader that was lost. */
  readonly lostTerm: number;
}

export interface ElectionClockOptions {
  readonly oracle: TruthOracle;
  readonly servers: readonly string[];
  /** Called with each election time, in ms. */
  readonly onMeasured: (electionMs: number) => void;
  /** The highest term any server has reached. */
  readonly highestTerm: () => number;
  /** Whether `node` still believes it leads in `term`. */
  readonly believesLeading: (node: string, term: number) => boolean;
}

export class ElectionClock {
  private established: { readonly node: string; readonly term: number } | null = null;
  private outage: Outage | null = null;
  /** Leaders elected but not yet established, by term, with the followers their AppendEntries reached. */
  private readonly pending = new Map<number, { readonly leader: string; readonly receivers: Set<string> }>();

  constructor(private readonly options: ElectionClockOptions) {}

  leaderElected(node: string, term: number): void {
    if (this.established !== null && term <= this.established.term) return;
    this.pending.set(term, { leader: node, receivers: new Set() });
    this.check(term);
  }

  appendEntriesReceived(follower: string, leader: string, term: number): void {
    const pending = this.pending.get(term);
    if (pending === undefined || pending.leader !== leader) return;
    pending.receivers.add(follower);
    this.check(term);
  }

  onFault(event: FaultEvent): void {
    const established = this.established;
    if (event.skipped || established === null) return;
    if (!event.revert) {
      if (this.outage === null && this.lost(established.node)) this.outage = { startUs: event.atUs, lostTerm: established.term };
      return;
    }
    const back = !this.lost(established.node) && this.options.believesLeading(established.node, established.term);
    if (this.outage !== null && back && this.options.highestTerm() === established.term) this.outage = null;
  }

  private check(term: number): void {
    const pending = this.pending.get(term)!;
    const { oracle, servers } = this.options;
    const live = servers.filter((server) => oracle.status(server) === 'up').length;
    if (1 + pending.receivers.size < Math.floor(live / 2) + 1) return;
    for (const known of [...this.pending.keys()]) if (known <= term) this.pending.delete(known);
    this.established = { node: pending.leader, term };
    if (this.outage !== null && term > this.outage.lostTerm) {
      this.options.onMeasured((oracle.nowUs() - this.outage.startUs) / 1000);
      this.outage = null;
    }
  }

  /** Down, paused, or unable to reach a majority of the servers that are up (itself included). */
  private lost(node: string): boolean {
    const { oracle, servers } = this.options;
    return oracle.status(node) !== 'up' || !reachesMajority(oracle, servers, node);
  }
}

/** Whether `node` can exchange messages with a majority of all servers (itself included), counting only servers that are up. */
export function reachesMajority(oracle: TruthOracle, servers: readonly string[], node: string): boolean {
  let reached = 0;
  for (const server of servers) {
    if (server === node || (oracle.status(server) === 'up' && oracle.reachable(node, server) && oracle.reachable(server, node))) reached++;
  }
  return reached >= Math.floor(servers.length / 2) + 1;
}
