// The follower's side of replication: taking heartbeats and appends from a leader (rejected when
// from a stale epoch with fencing), applying entries, acknowledging them, and replacing its data
// with a snapshot after it learned of a newer epoch.

import type { ReplicaMessage } from './messages.js';
import { adoptEpoch } from './leadership.js';
import type { ServerState } from './server-state.js';

export type Heartbeat = Extract<ReplicaMessage, { kind: 'lf.heartbeat' }>;
export type Append = Extract<ReplicaMessage, { kind: 'lf.append' }>;
export type Snapshot = Extract<ReplicaMessage, { kind: 'lf.snapshot' }>;

/** Fencing: answers a message from an older epoch with the newer one; true when it was stale. */
function rejectStale(state: ServerState, from: string, epoch: number): boolean {
  if (!state.fencing || epoch >= state.durable.epoch) return false;
  state.ctx.send(from, { kind: 'lf.stale', epoch: state.durable.epoch } satisfies ReplicaMessage);
  return true;
}

/** A leader spoke: adopt its epoch and (unless leading) follow it. */
function onLeaderContact(state: ServerState, from: string, epoch: number): void {
  if (state.leading && !state.fencing) return; // an unfenced leader never learns it was replaced
  adoptEpoch(state, epoch, from);
  if (state.leading) return;
  state.leaderGuess = from;
  state.lastHeardUs = state.ctx.monotonicUs();
}

export function onHeartbeat(state: ServerState, from: string, message: Heartbeat): void {
  if (rejectStale(state, from, message.epoch)) return;
  onLeaderContact(state, from, message.epoch);
  // check-quorum: the leader counts who answers (an empty acknowledgement).
  if (state.config.checkQuorum && !state.leading) state.ctx.send(from, { kind: 'lf.append-ack', epoch: message.epoch, seqs: [] } satisfies ReplicaMessage);
}

export function onAppend(state: ServerState, from: string, message: Append): void {
  if (rejectStale(state, from, message.epoch)) return;
  onLeaderContact(state, from, message.epoch);
  const { durable } = state;
  for (const entry of message.entries) {
    durable.store.apply(entry);
    durable.seq = Math.max(durable.seq, entry.seq);
  }
  state.ctx.send(from, { kind: 'lf.append-ack', epoch: message.epoch, seqs: message.entries.map((e) => e.seq) } satisfies ReplicaMessage);
}

export function onSnapshot(state: ServerState, message: Snapshot): void {
  const { durable } = state;
  if (!state.leading && message.epoch >= durable.epoch) {
    durable.store.replaceWith(message.entries, message.epoch);
    durable.seq = Math.max(durable.seq, durable.store.position.seq);
  }
}
