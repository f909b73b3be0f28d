// Returning to follower: on a higher term heard in any message (the vote is then free again), or,
// for a candidate, on hearing the leader of its own term; and a leader stepping down. A server
// that adopts a newer term restarts its election timer, as etcd's raft does (becomeFollower): the
// paper's Figure 2 restarts it only on hearing the leader or granting a vote. With etcd's rule a
// server that lost touch with the leader, calling election after election, keeps the servers it
// can still reach from standing themselves, which is how one broken link makes a cluster without
// pre-vote and check-quorum elect over and over.

import { saveTermAndVote, type ServerState } from './server-state.js';
import { resetElectionTimer } from './timer.js';

/**
 * Follows `leaderId` (or nobody yet) in `term`, adopting the term when it is newer (the vote is
 * then free again, and the election timer restarts). A leader that steps down drops its clients'
 * waiting requests (they time out: their outcome is unknown to them).
 */
export function becomeFollower(state: ServerState, term: number, leaderId: string | null): void {
  const newTerm = term > state.durable.currentTerm;
  if (newTerm) {
    saveTermAndVote(state, term, null);
    state.observer.termStarted(state.me, term);
  }
  const wasLeader = state.role === 'leader';
  state.role = 'follower';
  state.election = null;
  state.leaderId = leaderId;
  if (wasLeader) {
    if (state.leader?.heartbeatTimer) state.ctx.cancelTimer(state.leader.heartbeatTimer);
    state.leader = null;
    state.observer.steppedDown(state.me);
  }
  if (wasLeader || newTerm) resetElectionTimer(state);
}
