// The coordinator role: takes a client request, sends it to the key's home replicas as a quorum
// read or write, and routes each reply to it. A coordinator never learns which replicas are
// down: it only waits, and forgets the request once no reply can matter.

import type { KvRequest } from '../../model/kit/kv/kv-messages.js';
import { homeReplicas } from './config.js';
import type { Versioned } from './messages.js';
import type { CoordinatedRequest, NodeState } from './node-state.js';
import { noteVersionSeen } from './node-state.js';
import { onReadReply, startRead } from './quorum-reads.js';
import { onWriteReply, startWrite } from './quorum-writes.js';

export function coordinate(state: NodeState, client: string, request: KvRequest): void {
  const id = state.nextId++;
  const home = homeReplicas(state.config, request.key);
  const entry: CoordinatedRequest = { client, request, home, replied: new Map(), answered: false, asked: new Set(home) };
  state.requests.set(id, entry);
  if (request.f === 'read') startRead(state, id, entry);
  else startWrite(state, id, entry);
  // Forget the request once no reply can matter (read repair included).
  state.ctx.setTimer(state.config.workload.timeoutUs * 2, () => state.requests.delete(id));
}

/** A replica answered request `id`: a read reply (with its item, or null) or a write acknowledgement (null). */
export function onReply(state: NodeState, from: string, id: number, item: Versioned | null): void {
  const entry = state.requests.get(id);
  if (!entry) return;
  entry.replied.set(from, item);
  if (item) noteVersionSeen(state, item.version);
  if (entry.request.f === 'read') onReadReply(state, entry);
  else onWriteReply(state, entry);
}
