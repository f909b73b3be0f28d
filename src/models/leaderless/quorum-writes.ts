// Quorum writes at a coordinator: version the write (and under `conflict: lww` stamp it, or keep
// the client's stamp), send it to the key's N home replicas and answer the client after W
// acknowledgements; with a sloppy quorum, home replicas still silent after `sloppy-after` get
// stand-ins that hold the write as a hint for them.

import type { Versioned, WriteStamp } from './messages.js';
import { preferenceList } from './config.js';
import type { CoordinatedRequest, NodeState } from './node-state.js';
import { answer, nextWriteVersion, send } from './node-state.js';

export function startWrite(state: NodeState, id: number, entry: CoordinatedRequest): void {
  const { request } = entry;
  const version = nextWriteVersion(state);
  const stamp = state.config.conflict === 'lww' ? writeStamp(state, entry) : null;
  const item: Versioned = stamp === null ? { value: request.value!, version } : { value: request.value!, version, stamp };
  state.observer.writeVersioned(item, state.me);
  for (const replica of entry.home) send(state, replica, { kind: 'll.write', id, key: request.key, item, hintFor: null });
  if (state.config.sloppy) state.ctx.setTimer(state.config.sloppyAfterUs, () => sloppyFallback(state, id, item));
}

/** Last-write-wins: the coordinator's time-of-day clock now, or the client's when it stamped the request. */
function writeStamp(state: NodeState, entry: CoordinatedRequest): WriteStamp {
  if (state.config.timestamps === 'coordinator') return { timestampUs: state.ctx.nowUs(), writer: state.me };
  const { timestampUs } = entry.request;
  if (timestampUs === undefined) throw new Error(`leaderless: a write from ${entry.client} carries no client timestamp (timestamps: client)`);
  return { timestampUs, writer: entry.client };
}

/**
 * Sloppy quorum: each home replica still silent gets a stand-in from outside the home set, the
 * next nodes on the ring first. One round: a stand-in that is silent too is not replaced.
 */
function sloppyFallback(state: NodeState, id: number, item: Versioned): void {
  const entry = state.requests.get(id);
  if (!entry || entry.answered) return;
  const silent = entry.home.filter((replica) => !entry.replied.has(replica));
  const standIns = preferenceList(state.config, entry.request.key).filter((node) => !entry.asked.has(node));
  silent.forEach((home, i) => {
    const standIn = standIns[i];
    if (standIn === undefined) return;
    entry.asked.add(standIn);
    state.ctx.metrics.count('writes.hinted');
    send(state, standIn, { kind: 'll.write', id, key: entry.request.key, item, hintFor: home });
  });
}

/** An acknowledgement of the write arrived (already recorded in `entry.replied`). */
export function onWriteReply(state: NodeState, entry: CoordinatedRequest): void {
  if (!entry.answered && entry.replied.size >= state.config.w) answer(state, entry, { outcome: 'ok' });
}
