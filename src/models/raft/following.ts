// The follower's side of log replication (§5.3): AppendEntries from a leader of the current (or a
// newer) term resets the election timer and is checked for consistency at prevLogIndex (a
// mismatch is rejected with a hint: the first index of the conflicting term, or the end of the
// log); matching entries are kept, a conflicting suffix is cut off and the new entries appended;
// the commit index follows the leader's, up to the last entry this message vouches for. The
// reply leaves after the disk write when entries were written.

import { applyCommitted } from './apply.js';
import type { RaftMessage } from './messages.js';
import { replyAfterDisk } from './replies.js';
import type { ServerState } from './server-state.js';
import { becomeFollower } from './terms.js';
import { resetElectionTimer } from './timer.js';

export type AppendEntries = Extract<RaftMessage, { kind: 'raft.append-entries' }>;

export function onAppendEntries(state: ServerState, from: string, message: AppendEntries): void {
  const { durable, ctx } = state;
  const reply = (success: boolean, index: number): RaftMessage => ({ kind: 'raft.append-reply', term: durable.currentTerm, success, index, sentAtUs: message.sentAtUs });
  if (message.term < durable.currentTerm) {
    ctx.send(from, reply(false, 0)); // a stale leader learns the newer term
    return;
  }
  const termChanged = message.term > durable.currentTerm;
  if (termChanged || state.role !== 'follower' || state.leaderId !== from) becomeFollower(state, message.term, from);
  state.lastLeaderContactUs = ctx.monotonicUs();
  resetElectionTimer(state);
  state.observer.appendEntriesReceived(state.me, from, message.term);
  const { log } = durable;
  if (log.termAt(message.prevLogIndex) !== message.prevLogTerm) {
    const hint = message.prevLogIndex > log.lastIndex ? log.lastIndex + 1 : log.firstIndexOfTerm(message.prevLogIndex);
    const answer = reply(false, hint);
    replyAfterDisk(state, termChanged, () => ctx.send(from, answer));
    return;
  }
  const entriesChanged = appendNewEntries(state, message);
  const matchIndex = message.prevLogIndex + message.entries.length;
  if (message.leaderCommit > state.commitIndex) {
    state.commitIndex = Math.max(state.commitIndex, Math.min(message.leaderCommit, matchIndex));
    applyCommitted(state);
  }
  const answer = reply(true, matchIndex);
  replyAfterDisk(state, termChanged || entriesChanged, () => ctx.send(from, answer));
}

/** Keeps entries that match, cuts the log at the first conflict and appends the rest; true when the log changed. */
function appendNewEntries(state: ServerState, message: AppendEntries): boolean {
  const { log } = state.durable;
  let changed = false;
  message.entries.forEach((entry, k) => {
    const index = message.prevLogIndex + 1 + k;
    const existing = log.termAt(index);
    if (existing === entry.term) return;
    if (existing !== undefined) {
      state.observer.entriesTruncated(log.lastIndex - index + 1);
      log.truncateFrom(index);
    }
    log.append(entry);
    changed = true;
  });
  return changed;
}
