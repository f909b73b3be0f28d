// Hinted handoff (sloppy quorum): a replica holding hints sends them to their home replicas every
// handoff interval, the first round at a random phase; a home replica applies a handed-off write
// and acknowledges it, and the holder then drops the hint (unless a newer one replaced it).

import type { LeaderlessMessage } from './messages.js';
import type { NodeState } from './node-state.js';
import { send } from './node-state.js';
import { applyIfNewer } from './replica.js';

export type Handoff = Extract<LeaderlessMessage, { kind: 'll.handoff' }>;
export type HandoffAck = Extract<LeaderlessMessage, { kind: 'll.handoff-ack' }>;

/** Starts the handoff rounds of a replica with a sloppy quorum (none otherwise). */
export function startHandoff(state: NodeState): void {
  const { ctx, config } = state;
  // The first round at a random phase, so that replicas do not hand off in lockstep.
  if (state.isReplica && config.sloppy) ctx.setTimer(Math.floor(ctx.stream('handoff').next() * config.handoffIntervalUs), () => handOff(state));
}

/** Sends every hint to its home replica, then schedules the next round. */
function handOff(state: NodeState): void {
  for (const [home, held] of state.hints) {
    for (const [key, item] of held) send(state, home, { kind: 'll.handoff', key, item });
  }
  state.ctx.setTimer(state.config.handoffIntervalUs, () => handOff(state));
}

export function onHandoff(state: NodeState, from: string, message: Handoff): void {
  applyIfNewer(state, message.key, message.item);
  send(state, from, { kind: 'll.handoff-ack', key: message.key, version: message.item.version });
}

export function onHandoffAck(state: NodeState, from: string, message: HandoffAck): void {
  const held = state.hints.get(from);
  if (held && held.get(message.key)?.version === message.version) held.delete(message.key);
}
