// Taking and giving up leadership: becoming leader in an epoch, stepping down (on a newer epoch
// with fencing, or with check-quorum when no majority answers), and adopting a newer epoch heard
// from another replica.

import type { ReplicaMessage } from './messages.js';
import { broadcastHeartbeat } from './replication.js';
import type { ServerState } from './server-state.js';

export type StaleNotice = Extract<ReplicaMessage, { kind: 'lf.stale' }>;

export function becomeLeader(state: ServerState, epoch: number): void {
  state.leading = true;
  state.durable.wasLeader = true;
  state.durable.epoch = epoch;
  state.leaderGuess = state.me;
  for (const map of state.unacked.values()) map.clear();
  for (const follower of state.others) state.lastAnsweredUs.set(follower, state.ctx.monotonicUs()); // a grace period
  state.observer.setLeader(state.me, epoch);
  broadcastHeartbeat(state);
}

export function stepDown(state: ServerState): void {
  if (!state.leading) return;
  state.leading = false;
  state.durable.wasLeader = false;
  state.pending.clear(); // their clients time out: the outcome is unknown to them
  state.observer.setLeader(state.me, null);
}

/** Adopts a newer epoch (a fenced leader steps down); a follower then asks `leader` for a resync. */
export function adoptEpoch(state: ServerState, epoch: number, leader: string | null): void {
  if (epoch <= state.durable.epoch) return;
  state.durable.epoch = epoch;
  if (state.leading && state.fencing) stepDown(state);
  if (!state.leading && leader !== null) state.ctx.send(leader, { kind: 'lf.sync-request' } satisfies ReplicaMessage);
}

/** check-quorum: true while a majority (this leader included) answered within the failover timeout. */
function hearsMajority(state: ServerState): boolean {
  const nowUs = state.ctx.monotonicUs();
  const answering = state.others.filter((follower) => nowUs - (state.lastAnsweredUs.get(follower) ?? -Infinity) <= state.config.failoverTimeoutUs);
  return answering.length + 1 >= state.majority;
}

/** check-quorum: a leader that has not heard from a majority within the failover timeout steps down. */
export function checkQuorum(state: ServerState): void {
  if (!state.leading || !state.config.checkQuorum || hearsMajority(state)) return;
  stepDown(state);
  state.leaderGuess = null;
  state.lastHeardUs = state.ctx.monotonicUs(); // a whole timeout before it stands for election itself
}

/** Fencing: a replica knows a newer epoch than this leader's; the epoch itself comes with the new leader's heartbeat. */
export function onStale(state: ServerState, message: StaleNotice): void {
  if (message.epoch > state.durable.epoch && state.leading) {
    stepDown(state);
    state.leaderGuess = null;
  }
}
