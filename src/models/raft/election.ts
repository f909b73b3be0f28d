// Leader election (§5.2): standing as candidate when the election timer (timer.ts) runs out (optionally after a pre-vote round that does
// not bump the term), answering RequestVote with the up-to-date rule (§5.4.1), and counting votes.
// A candidate asks for votes at once, while its own term and vote go to disk; it counts its own
// vote only once they are there, so it never leads on a vote a crash could take back.

import { becomeLeader } from './leadership.js';
import type { RaftMessage } from './messages.js';
import { replyAfterDisk } from './replies.js';
import { saveTermAndVote, type ServerState } from './server-state.js';
import { becomeFollower } from './terms.js';
import { resetElectionTimer } from './timer.js';

export type RequestVote = Extract<RaftMessage, { kind: 'raft.request-vote' }>;
export type Vote = Extract<RaftMessage, { kind: 'raft.vote' }>;

/** The election timer ran out: stand for election (after a pre-vote round with `pre-vote: true`). */
export function startElection(state: ServerState): void {
  if (state.config.preVote) startPreVote(state);
  else startCandidacy(state);
}

/** Pre-vote: asks whether the others would vote for it in the next term, changing nothing. */
function startPreVote(state: ServerState): void {
  const term = state.durable.currentTerm + 1;
  state.role = 'pre-candidate';
  state.election = { term, preVote: true, votes: new Set([state.me]) };
  resetElectionTimer(state);
  requestVotes(state, term, true);
  countVotes(state);
}

/** Bumps the term, votes for itself, and asks every other server for its vote. */
function startCandidacy(state: ServerState): void {
  const term = state.durable.currentTerm + 1;
  saveTermAndVote(state, term, state.me);
  state.role = 'candidate';
  state.leaderId = null;
  const election = { term, preVote: false, votes: new Set<string>() };
  state.election = election;
  state.observer.termStarted(state.me, term);
  resetElectionTimer(state);
  requestVotes(state, term, false);
  state.disk.persist(() => {
    if (state.election !== election) return;
    election.votes.add(state.me);
    countVotes(state);
  });
}

function requestVotes(state: ServerState, term: number, preVote: boolean): void {
  const { log } = state.durable;
  const request: RaftMessage = { kind: 'raft.request-vote', term, lastLogIndex: log.lastIndex, lastLogTerm: log.lastTerm, preVote };
  for (const other of state.others) state.ctx.send(other, request);
}

function countVotes(state: ServerState): void {
  const election = state.election;
  if (election === null || election.votes.size < state.majority) return;
  if (election.preVote) startCandidacy(state);
  else becomeLeader(state);
}

/**
 * check-quorum (as in etcd): a server that heard from its leader within the minimum election
 * timeout, or leads itself, refuses to vote, so a server that merely lost touch with the leader
 * cannot depose it. Lease reads rely on this.
 */
function inLeaderLease(state: ServerState): boolean {
  if (!state.config.checkQuorum) return false;
  if (state.role === 'leader') return true;
  const contactUs = state.lastLeaderContactUs;
  return state.leaderId !== null && contactUs !== null && state.ctx.monotonicUs() - contactUs < state.config.electionTimeoutMinUs;
}

export function onRequestVote(state: ServerState, from: string, message: RequestVote): void {
  const { durable } = state;
  const upToDate = durable.log.isNoOlderThanThis(message.lastLogTerm, message.lastLogIndex);
  const reply = (granted: boolean): RaftMessage => ({ kind: 'raft.vote', term: durable.currentTerm, forTerm: message.term, granted, preVote: message.preVote });
  if (inLeaderLease(state)) {
    state.ctx.send(from, reply(false));
    return;
  }
  if (message.preVote) {
    // Nothing changes on a pre-vote: grant it when a real vote in that term could be granted.
    state.ctx.send(from, reply(message.term > durable.currentTerm && upToDate));
    return;
  }
  let changed = false;
  if (message.term > durable.currentTerm) {
    becomeFollower(state, message.term, null);
    changed = true;
  }
  const granted = message.term === durable.currentTerm && (durable.votedFor === null || durable.votedFor === from) && upToDate;
  if (granted && durable.votedFor !== from) {
    saveTermAndVote(state, durable.currentTerm, from);
    changed = true;
  }
  if (granted) resetElectionTimer(state);
  const answer = reply(granted);
  replyAfterDisk(state, changed, () => state.ctx.send(from, answer));
}

export function onVote(state: ServerState, from: string, message: Vote): void {
  if (message.term > state.durable.currentTerm && !message.granted) {
    becomeFollower(state, message.term, null);
    return;
  }
  const election = state.election;
  if (election === null || !message.granted || message.preVote !== election.preVote || message.forTerm !== election.term) return;
  if (!election.preVote && state.durable.currentTerm !== election.term) return;
  election.votes.add(from);
  countVotes(state);
}
