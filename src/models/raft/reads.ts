// Reads that skip the log (§8, and §6.4 of Ongaro's thesis). `read-index`: the leader notes its
// commit index (at least its term's no-op, so every write acknowledged before the read is
// included), sends a round of heartbeats (reads arriving at the same moment share it), and
// answers once a majority answered that round and the state machine has applied up to the
// index. `lease`: while a majority answered heartbeats sent within the lease — the minimum
// election timeout, less the drift bound, on the leader's monotonic clock — no other leader can
// have been elected (with check-quorum, followers refuse votes that long after hearing from it),
// so the leader answers without a round. That holds only if its clock does not run slow by more
// than the bound; past the lease it falls back to a read-index round.

import type { KvRequest } from '../../model/kit/kv/kv-messages.js';
import { serveReads } from './read-queue.js';
import { broadcastAppendEntries } from './replication.js';
import type { LeaderState, ServerState } from './server-state.js';

export function onClientRead(state: ServerState, client: string, request: KvRequest): void {
  const leader = state.leader!;
  const nowUs = state.ctx.monotonicUs();
  const leased = state.config.reads === 'lease' && leaseHolds(state, leader, nowUs);
  leader.pendingReads.push({
    client,
    request,
    readIndex: Math.max(state.commitIndex, leader.termStartIndex),
    confirmFromUs: nowUs,
    confirmed: leased,
  });
  if (!leased) scheduleReadRound(state, leader);
  serveReads(state);
}

/** Heartbeats for the reads that just arrived, sent once every event of this instant has run. */
function scheduleReadRound(state: ServerState, leader: LeaderState): void {
  if (leader.readRoundScheduled) return;
  leader.readRoundScheduled = true;
  state.ctx.setTimer(0, () => {
    leader.readRoundScheduled = false;
    if (state.leader === leader) broadcastAppendEntries(state, { retransmit: false });
  });
}

/** The lease: a majority (this leader included) answered AppendEntries sent less than a lease ago. */
function leaseHolds(state: ServerState, leader: LeaderState, nowUs: number): boolean {
  const leaseUs = state.config.electionTimeoutMinUs * (1 - state.config.leaseDriftBound);
  const sentUs = state.others.map((other) => leader.ackedSentUs.get(other) ?? -Infinity).sort((a, b) => b - a);
  const majorityOldestUs = state.majority <= 1 ? nowUs : sentUs[state.majority - 2]!;
  return nowUs < majorityOldestUs + leaseUs;
}
