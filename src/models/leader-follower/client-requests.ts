// Client reads and writes at a replica: reads served by the leader (or any replica with
// `reads: any`), a redirect from a non-leader, compare-and-set checked, and writes applied,
// replicated and acknowledged at once (async) or once enough followers have them.

import type { KvRequest, KvResponse } from '../../model/kit/kv/kv-messages.js';
import type { Entry } from './messages.js';
import { replicate } from './replication.js';
import type { ServerState } from './server-state.js';

function answer(state: ServerState, client: string, request: KvRequest, response: Omit<KvResponse, 'kind' | 'requestId'>): void {
  state.ctx.send(client, { kind: 'kv.response', requestId: request.requestId, ...response } satisfies KvResponse);
}

export function onClientRequest(state: ServerState, client: string, request: KvRequest): void {
  const { durable } = state;
  if (request.f === 'read' && (state.leading || state.config.reads === 'any')) {
    answer(state, client, request, { outcome: 'ok', value: durable.store.read(request.key) });
    return;
  }
  if (!state.leading) {
    answer(state, client, request, { outcome: 'not-leader', leader: state.leaderGuess === state.me ? null : state.leaderGuess });
    return;
  }
  if (request.f === 'cas' && durable.store.read(request.key) !== (request.expected ?? null)) {
    answer(state, client, request, { outcome: 'mismatch' });
    return;
  }
  acceptWrite(state, client, request);
}

/** The leader applies and replicates the write, and acknowledges it now or once enough followers have it. */
function acceptWrite(state: ServerState, client: string, request: KvRequest): void {
  const { durable } = state;
  const entry: Entry = { key: request.key, value: request.value!, epoch: durable.epoch, seq: ++durable.seq };
  state.observer.writeAccepted(entry, durable.store.entry(request.key) ?? null);
  durable.store.apply(entry);
  replicate(state, entry);
  const response: KvResponse = { kind: 'kv.response', requestId: request.requestId, outcome: 'ok' };
  if (state.requiredAcks === 0) {
    state.observer.leaderAckedWrite(state.me, entry);
    state.ctx.send(client, response);
  } else {
    state.pending.set(entry.seq, { entry, client, response, acked: new Set() });
  }
}
