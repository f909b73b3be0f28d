// The leader's side of log replication (§5.3): appending a command to its own log (persisted in
// parallel with sending it: the leader counts itself towards a majority only once its write is
// done), AppendEntries to each follower from its nextIndex (pipelined: nextIndex advances as
// entries are sent; a heartbeat resends what stayed unacknowledged a whole interval), the replies
// (matchIndex forward, or nextIndex back to the follower's conflict hint), and the commit rule:
// an entry of the current term stored on a majority is committed, and everything before it.

import { applyCommitted } from './apply.js';
import type { Command, RaftMessage } from './messages.js';
import { serveReads } from './read-queue.js';
import type { ServerState } from './server-state.js';
import { becomeFollower } from './terms.js';

/** Entries per AppendEntries, at most: a lagging follower catches up in batches. */
export const ENTRIES_PER_MESSAGE_MAX = 64;

export type AppendReply = Extract<RaftMessage, { kind: 'raft.append-reply' }>;

/** Appends a command to the leader's log and sends it to every follower; returns its index. */
export function appendCommand(state: ServerState, command: Command): number {
  const leader = state.leader!;
  const term = state.durable.currentTerm;
  const index = state.durable.log.append({ term, command });
  state.observer.entryAppended(state.me, index);
  state.disk.persist(() => {
    if (state.leader !== leader) return;
    leader.persistedIndex = Math.max(leader.persistedIndex, index);
    advanceCommitIndex(state);
  });
  broadcastAppendEntries(state, { retransmit: false });
  return index;
}

/**
 * AppendEntries to every follower: the entries from its nextIndex, or an empty one (a heartbeat).
 * With `retransmit`, entries unacknowledged for a whole heartbeat interval are sent again.
 */
export function broadcastAppendEntries(state: ServerState, options: { readonly retransmit: boolean }): void {
  const leader = state.leader!;
  const nowUs = state.ctx.monotonicUs();
  for (const follower of state.others) {
    const matchIndex = leader.matchIndex.get(follower)!;
    const stalled = nowUs - leader.progressUs.get(follower)! >= state.config.heartbeatIntervalUs;
    if (options.retransmit && stalled && leader.nextIndex.get(follower)! > matchIndex + 1) leader.nextIndex.set(follower, matchIndex + 1);
    sendAppendEntries(state, follower, { heartbeat: true });
  }
}

/** Sends `follower` its next entries; without `heartbeat`, only when there are entries to send. */
function sendAppendEntries(state: ServerState, follower: string, options: { readonly heartbeat: boolean }): void {
  const leader = state.leader!;
  const { log } = state.durable;
  const nextIndex = leader.nextIndex.get(follower)!;
  const entries = log.slice(nextIndex, ENTRIES_PER_MESSAGE_MAX);
  if (entries.length === 0 && !options.heartbeat) return;
  const nowUs = state.ctx.monotonicUs();
  // Entries to a follower with nothing in flight start its retransmission clock.
  if (entries.length > 0 && nextIndex === leader.matchIndex.get(follower)! + 1) leader.progressUs.set(follower, nowUs);
  state.ctx.send(follower, {
    kind: 'raft.append-entries',
    term: state.durable.currentTerm,
    prevLogIndex: nextIndex - 1,
    prevLogTerm: log.termAt(nextIndex - 1)!,
    entries,
    leaderCommit: state.commitIndex,
    sentAtUs: nowUs,
  } satisfies RaftMessage);
  leader.nextIndex.set(follower, nextIndex + entries.length);
}

export function onAppendReply(state: ServerState, from: string, message: AppendReply): void {
  if (message.term > state.durable.currentTerm) {
    becomeFollower(state, message.term, null);
    return;
  }
  const leader = state.leader;
  if (leader === null || message.term !== state.durable.currentTerm) return;
  const nowUs = state.ctx.monotonicUs();
  leader.lastAnswerUs.set(from, nowUs);
  leader.ackedSentUs.set(from, Math.max(leader.ackedSentUs.get(from) ?? -Infinity, message.sentAtUs));
  const matchIndex = leader.matchIndex.get(from)!;
  if (message.success) {
    if (message.index > matchIndex) {
      leader.matchIndex.set(from, message.index);
      leader.progressUs.set(from, nowUs);
    }
    leader.nextIndex.set(from, Math.max(leader.nextIndex.get(from)!, message.index + 1));
    advanceCommitIndex(state);
  } else {
    // Back to the follower's hint (never below what it is known to match), and try again now.
    const resumeAt = Math.max(leader.matchIndex.get(from)! + 1, Math.min(message.index, state.durable.log.lastIndex + 1));
    leader.nextIndex.set(from, resumeAt);
  }
  if (state.leader === leader) {
    sendAppendEntries(state, from, { heartbeat: !message.success });
    serveReads(state);
  }
}

/** The commit rule (§5.3, §5.4.2): the highest index stored on a majority whose entry is of the current term. */
function advanceCommitIndex(state: ServerState): void {
  const leader = state.leader!;
  const stored = [leader.persistedIndex, ...state.others.map((other) => leader.matchIndex.get(other)!)].sort((a, b) => b - a);
  const majorityIndex = stored[state.majority - 1]!;
  if (majorityIndex <= state.commitIndex || state.durable.log.termAt(majorityIndex) !== state.durable.currentTerm) return;
  state.commitIndex = majorityIndex;
  state.observer.committedUpTo(state.me, majorityIndex);
  applyCommitted(state);
}
