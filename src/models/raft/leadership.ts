// Taking leadership: becoming leader after winning an election (a no-op entry in the new term,
// heartbeats at once and every interval), and check-quorum: a leader that has not heard from a
// majority within the minimum election timeout steps down.

import { appendCommand, broadcastAppendEntries } from './replication.js';
import type { ServerState } from './server-state.js';
import { becomeFollower } from './terms.js';

export function becomeLeader(state: ServerState): void {
  const { ctx, durable } = state;
  state.role = 'leader';
  state.leaderId = state.me;
  state.election = null;
  if (state.electionTimer !== null) ctx.cancelTimer(state.electionTimer);
  state.electionTimer = null;
  state.electionTimerDueUs = Infinity;
  const nowUs = ctx.monotonicUs();
  state.leader = {
    nextIndex: new Map(state.others.map((other) => [other, durable.log.lastIndex + 1])),
    matchIndex: new Map(state.others.map((other) => [other, 0])),
    progressUs: new Map(state.others.map((other) => [other, nowUs])),
    termStartIndex: durable.log.lastIndex + 1,
    persistedIndex: durable.log.lastIndex,
    ackedSentUs: new Map(),
    lastAnswerUs: new Map(state.others.map((other) => [other, nowUs])), // a grace period for check-quorum
    waiting: new Map(),
    pendingReads: [],
    readRoundScheduled: false,
    heartbeatTimer: null,
  };
  state.observer.becameLeader(state.me, durable.currentTerm);
  appendCommand(state, { kind: 'noop' });
  heartbeat(state);
}

/** Every heartbeat interval while leading: check-quorum, then AppendEntries to every follower. */
function heartbeat(state: ServerState): void {
  const leader = state.leader;
  if (leader === null) return;
  if (!hearsFromMajority(state)) {
    becomeFollower(state, state.durable.currentTerm, null);
    return;
  }
  broadcastAppendEntries(state, { retransmit: true });
  leader.heartbeatTimer = state.ctx.setTimer(state.config.heartbeatIntervalUs, () => {
    if (state.leader === leader) heartbeat(state);
  });
}

/** check-quorum: a majority (this leader included) answered within the minimum election timeout. */
function hearsFromMajority(state: ServerState): boolean {
  const leader = state.leader;
  if (!state.config.checkQuorum || leader === null) return true;
  const nowUs = state.ctx.monotonicUs();
  const answering = state.others.filter((other) => nowUs - (leader.lastAnswerUs.get(other) ?? -Infinity) <= state.config.electionTimeoutMinUs);
  return answering.length + 1 >= state.majority;
}
