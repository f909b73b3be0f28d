// The replica role: stores one value per key (the newest wins, by version or by timestamp:
// conflict.ts), holds a write addressed to another home replica as a hint for it (sloppy quorum),
// acknowledges writes and answers reads. A write that loses is acknowledged all the same.

import { supersedes } from './conflict.js';
import type { LeaderlessMessage, Versioned } from './messages.js';
import type { NodeState } from './node-state.js';
import { send } from './node-state.js';

export type WriteMessage = Extract<LeaderlessMessage, { kind: 'll.write' }>;
export type ReadMessage = Extract<LeaderlessMessage, { kind: 'll.read' }>;

/** Stores the item unless the store already has a newer one (or the same). */
export function applyIfNewer(state: NodeState, key: string, item: Versioned): void {
  const current = state.store.get(key);
  if (!current || supersedes(state.config.conflict, item, current)) state.store.set(key, item);
}

/** Keeps the write for its home replica, to hand off later (the newest version per key). */
function holdHint(state: NodeState, home: string, key: string, item: Versioned): void {
  const held = state.hints.get(home) ?? new Map<string, Versioned>();
  state.hints.set(home, held);
  const current = held.get(key);
  if (!current || supersedes(state.config.conflict, item, current)) held.set(key, item);
}

/** Id 0 is a read repair, which is not acknowledged. */
export function onWrite(state: NodeState, from: string, message: WriteMessage): void {
  if (message.hintFor !== null && message.hintFor !== state.me) holdHint(state, message.hintFor, message.key, message.item);
  else applyIfNewer(state, message.key, message.item);
  if (message.id !== 0) send(state, from, { kind: 'll.write-ack', id: message.id });
}

export function onRead(state: NodeState, from: string, message: ReadMessage): void {
  send(state, from, { kind: 'll.read-reply', id: message.id, item: state.store.get(message.key) ?? null });
}
