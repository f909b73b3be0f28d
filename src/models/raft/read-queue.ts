// The leader's waiting reads (read-index and lease modes): each is answered from the state
// machine once its leadership is confirmed (a majority answered AppendEntries sent after the read
// arrived, or the lease held when it arrived) and the state machine has applied up to its read
// index. Called after every acknowledgement and every apply.

import { answerClient } from './replies.js';
import type { LeaderState, ServerState } from './server-state.js';

export function serveReads(state: ServerState): void {
  const leader = state.leader;
  if (leader === null || leader.pendingReads.length === 0) return;
  const remaining = leader.pendingReads.filter((read) => {
    if (!read.confirmed) read.confirmed = majorityAnsweredSince(state, leader, read.confirmFromUs);
    if (!read.confirmed || state.lastApplied < read.readIndex || state.commitIndex < read.readIndex) return true;
    answerClient(state, read.client, read.request, { outcome: 'ok', value: state.stateMachine.read(read.request.key) });
    return false;
  });
  leader.pendingReads.length = 0;
  leader.pendingReads.push(...remaining);
}

/** Whether a majority (this leader included) answered AppendEntries it sent at or after `fromUs` (its monotonic clock). */
export function majorityAnsweredSince(state: ServerState, leader: LeaderState, fromUs: number): boolean {
  let answered = 1;
  for (const other of state.others) if ((leader.ackedSentUs.get(other) ?? -Infinity) >= fromUs) answered++;
  return answered >= state.majority;
}
