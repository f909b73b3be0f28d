// Returning to follower: on a higher term heard in any message (the vote is then free again), or,
// for a candidate, on hearing the leader of its own term; and a leader stepping down.

import { saveTermAndVote, type ServerState } from './server-state.js';
import { resetElectionTimer } from './timer.js';

/**
 * Follows `leaderId` (or nobody yet) in `term`, adopting the term when it is newer (the vote is
 * then free again). A leader that steps down drops its clients' waiting requests (they time out:
 * their outcome is unknown to them) and starts its election timer.
 */
export function becomeFollower(state: ServerState, term: number, leaderId: string | null): void {
  if (term > state.durable.currentTerm) {
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
    resetElectionTimer(state);
  }
}
