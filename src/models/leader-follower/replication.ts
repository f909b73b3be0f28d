// The leader's side of replication: shipping each write to every follower after the replication
// delay, retransmitting what is unacknowledged with each heartbeat, counting acknowledgements
// until a write may be acknowledged (sync, semi-sync) and sending snapshots to followers that resync.

import type { Entry, ReplicaMessage } from './messages.js';
import type { ServerState } from './server-state.js';

/** Entries resent to one follower per heartbeat, at most. */
const RETRANSMIT_BATCH_MAX = 256;

export type AppendAck = Extract<ReplicaMessage, { kind: 'lf.append-ack' }>;

/** Sends a heartbeat to every follower, each followed by its oldest entries not acknowledged within an interval. */
export function broadcastHeartbeat(state: ServerState): void {
  const { ctx, durable, me } = state;
  const nowUs = ctx.monotonicUs();
  for (const follower of state.others) {
    ctx.send(follower, { kind: 'lf.heartbeat', epoch: durable.epoch, leader: me } satisfies ReplicaMessage);
    const waiting = [...state.unacked.get(follower)!.values()].filter((item) => nowUs - item.sentUs >= state.config.heartbeatIntervalUs);
    const batch = waiting.slice(0, RETRANSMIT_BATCH_MAX);
    for (const item of batch) item.sentUs = nowUs;
    if (batch.length > 0) {
      ctx.send(follower, { kind: 'lf.append', epoch: durable.epoch, leader: me, entries: batch.map((item) => item.entry) } satisfies ReplicaMessage);
    }
  }
}

/** Ships the entry after the replication delay: a crash before then loses it with the leader. */
export function replicate(state: ServerState, entry: Entry): void {
  const delayUs = state.replicationDelay(state.delayStream);
  if (delayUs > 0) state.ctx.setTimer(delayUs, () => shipEntry(state, entry));
  else shipEntry(state, entry);
}

/** Sends the entry to every follower (if this replica still leads) and waits for their acknowledgements. */
function shipEntry(state: ServerState, entry: Entry): void {
  if (!state.leading) return;
  const nowUs = state.ctx.monotonicUs();
  for (const follower of state.others) {
    state.unacked.get(follower)!.set(entry.seq, { entry, sentUs: nowUs });
    state.ctx.send(follower, { kind: 'lf.append', epoch: state.durable.epoch, leader: state.me, entries: [entry] } satisfies ReplicaMessage);
  }
}

/** A follower acknowledged entries: stop resending them, and answer the clients whose writes now have enough acks. */
export function onAppendAck(state: ServerState, from: string, message: AppendAck): void {
  if (!state.leading || message.epoch !== state.durable.epoch) return;
  state.lastAnsweredUs.set(from, state.ctx.monotonicUs());
  for (const seq of message.seqs) {
    state.unacked.get(from)?.delete(seq);
    const write = state.pending.get(seq);
    if (!write) continue;
    write.acked.add(from);
    if (write.acked.size >= state.requiredAcks) {
      state.pending.delete(seq);
      state.observer.leaderAckedWrite(state.me, write.entry);
      state.ctx.send(write.client, write.response);
    }
  }
}

/** A follower that learned of a newer epoch asks the leader for its whole data. */
export function onSyncRequest(state: ServerState, from: string): void {
  if (state.leading) state.ctx.send(from, { kind: 'lf.snapshot', epoch: state.durable.epoch, entries: state.durable.store.snapshot() } satisfies ReplicaMessage);
}
