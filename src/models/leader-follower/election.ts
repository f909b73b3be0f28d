// Automatic failover: a follower that hears no leader for the failover timeout (or, with a
// detector, suspects the leader it knows) asks the others for votes and leads with a majority;
// a replica grants its vote only when it follows no live leader and the candidate is as up to date.

import type { ReplicaMessage } from './messages.js';
import { becomeLeader } from './leadership.js';
import { newer } from './replica-store.js';
import type { ServerState } from './server-state.js';

export type VoteRequest = Extract<ReplicaMessage, { kind: 'lf.vote-request' }>;
export type Vote = Extract<ReplicaMessage, { kind: 'lf.vote' }>;

/** At each heartbeat tick of a non-leader: start an election if the leader seems gone. */
export function watchForFailover(state: ServerState): void {
  const { monitor, leaderGuess, config } = state;
  if (monitor !== null && leaderGuess !== null && leaderGuess !== state.me) considerElection(state);
  else if (config.failover === 'automatic' && state.election === null) {
    const silentUs = state.ctx.monotonicUs() - state.lastHeardUs;
    if (silentUs > config.failoverTimeoutUs * (1 + 0.5 * state.jitter.next())) startElection(state);
  }
}

/** Asks every other replica for its vote in the next epoch; gives up after half the failover timeout. */
export function startElection(state: ServerState): void {
  const { ctx, durable } = state;
  // Above every epoch it has heard a candidate stand in too: a replica that refused a less
  // up-to-date candidate would otherwise stand in that same epoch, where the other has voted.
  const epoch = Math.max(durable.epoch, durable.votedEpoch, state.epochSeen) + 1;
  durable.votedEpoch = epoch;
  const position = durable.store.position;
  const request: ReplicaMessage = { kind: 'lf.vote-request', epoch, positionEpoch: position.epoch, positionSeq: position.seq };
  for (const other of state.others) ctx.send(other, request);
  const timer = ctx.setTimer(state.config.failoverTimeoutUs / 2, () => {
    state.election = null;
    state.lastHeardUs = ctx.monotonicUs(); // wait a whole timeout before trying again
    considerElection(state); // with a detector: again while the leader is suspected
  });
  state.election = { epoch, votes: new Set([state.me]), timer };
  if (state.election.votes.size >= state.majority) winElection(state);
}

function winElection(state: ServerState): void {
  if (state.election === null) return;
  state.ctx.cancelTimer(state.election.timer);
  const epoch = state.election.epoch;
  state.election = null;
  if (epoch <= state.durable.epoch) return;
  state.ctx.metrics.count('leader.elections');
  becomeLeader(state, epoch);
}

/** Detector mode: the leader this follower knows is suspected (it knows one, itself aside). */
function leaderSuspected(state: ServerState): boolean {
  const { monitor, leaderGuess } = state;
  return monitor !== null && leaderGuess !== null && leaderGuess !== state.me && monitor.isSuspected(leaderGuess);
}

/**
 * Detector mode: starts an election after a random delay of up to one heartbeat interval (so
 * that followers suspecting together rarely split the vote), if the leader is still suspected
 * then. At most one attempt is pending.
 */
export function considerElection(state: ServerState): void {
  const { config } = state;
  if (config.failover !== 'automatic' || state.leading || state.election !== null || state.electionAttempt !== null || !leaderSuspected(state)) return;
  state.electionAttempt = state.ctx.setTimer(state.jitter.next() * config.heartbeatIntervalUs, () => {
    state.electionAttempt = null;
    if (!state.leading && state.election === null && leaderSuspected(state)) startElection(state);
  });
}

/** Whether this replica still follows a live leader (leads itself), and so refuses votes. */
function followsLiveLeader(state: ServerState): boolean {
  if (state.leading) return true;
  const { monitor, leaderGuess } = state;
  if (monitor === null) return state.ctx.monotonicUs() - state.lastHeardUs < state.config.failoverTimeoutUs;
  return leaderGuess !== null && leaderGuess !== state.me && !monitor.isSuspected(leaderGuess);
}

export function onVoteRequest(state: ServerState, from: string, message: VoteRequest): void {
  const { durable } = state;
  // Detector mode: the leader itself asking for votes no longer leads (it restarted or
  // stepped down), though the detector rightly trusts it.
  if (state.monitor !== null && state.leaderGuess === from) state.leaderGuess = null;
  const mine = durable.store.position;
  const candidate = { epoch: message.positionEpoch, seq: message.positionSeq };
  state.epochSeen = Math.max(state.epochSeen, message.epoch);
  const granted = !followsLiveLeader(state) && message.epoch > durable.votedEpoch && message.epoch > durable.epoch && !newer(mine, candidate);
  if (granted) durable.votedEpoch = message.epoch;
  // Detector mode: a voter without a leader gives its candidate a timeout to win.
  if (granted && state.monitor !== null) state.lastHeardUs = state.ctx.monotonicUs();
  state.ctx.send(from, { kind: 'lf.vote', epoch: message.epoch, granted } satisfies ReplicaMessage);
}

export function onVote(state: ServerState, from: string, message: Vote): void {
  const { election } = state;
  if (election && message.granted && message.epoch === election.epoch) {
    election.votes.add(from);
    if (election.votes.size >= state.majority) winElection(state);
  }
}
