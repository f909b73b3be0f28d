// Quorum reads at a coordinator: ask the key's N home replicas, answer the client with the newest
// item among the first R replies (conflict.ts decides which is newest), and (with `read-repair`)
// once every home replica replied, send it, timestamp and all, to those that returned an older one
// or none.

import { newest, supersedes } from './conflict.js';
import type { CoordinatedRequest, NodeState } from './node-state.js';
import { answer, send } from './node-state.js';

export function startRead(state: NodeState, id: number, entry: CoordinatedRequest): void {
  for (const replica of entry.home) send(state, replica, { kind: 'll.read', id, key: entry.request.key });
}

/** A reply to the read arrived (already recorded in `entry.replied`). */
export function onReadReply(state: NodeState, entry: CoordinatedRequest): void {
  if (!entry.answered && entry.replied.size >= state.config.r) {
    answer(state, entry, { outcome: 'ok', value: newest(state.config.conflict, entry.replied.values())?.value ?? null });
  }
  if (state.config.readRepair && entry.replied.size === entry.home.length) repairStaleReplicas(state, entry);
}

function repairStaleReplicas(state: NodeState, entry: CoordinatedRequest): void {
  const best = newest(state.config.conflict, entry.replied.values());
  if (!best) return;
  for (const [replica, value] of entry.replied) {
    if (!value || supersedes(state.config.conflict, best, value)) {
      state.ctx.metrics.count('read-repairs');
      send(state, replica, { kind: 'll.write', id: 0, key: entry.request.key, item: best, hintFor: null });
    }
  }
}
