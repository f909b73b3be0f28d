// Client requests at a server (§8): a server that does not lead redirects the client to the
// leader it follows (or to nobody it knows); the leader appends writes and compare-and-sets (and,
// with `reads: log`, reads) to its log and answers when the entry is applied. A write whose
// request id was already applied (a retry) is answered with its first outcome at once, and the
// state machine applies a duplicate entry only once.

import type { KvRequest, KvResponse } from '../../model/kit/kv/kv-messages.js';
import { onClientRead } from './reads.js';
import { answerClient } from './replies.js';
import { appendCommand } from './replication.js';
import type { ServerState } from './server-state.js';

export function onClientRequest(state: ServerState, client: string, request: KvRequest): void {
  const leader = state.leader;
  if (state.role !== 'leader' || leader === null) {
    const hint = state.leaderId !== null && state.leaderId !== state.me ? state.leaderId : null;
    state.ctx.send(client, { kind: 'kv.response', requestId: request.requestId, outcome: 'not-leader', leader: hint } satisfies KvResponse);
    return;
  }
  if (request.f === 'read' && state.config.reads !== 'log') {
    onClientRead(state, client, request);
    return;
  }
  const applied = request.f === 'read' ? undefined : state.stateMachine.outcomeOf(request.requestId);
  if (applied !== undefined) {
    answerClient(state, client, request, applied);
    return;
  }
  const { requestId, f, key, value, expected } = request;
  const index = appendCommand(state, {
    kind: 'kv',
    requestId,
    f,
    key,
    ...(value === undefined ? {} : { value }),
    ...(f === 'cas' ? { expected: expected ?? null } : {}),
  });
  leader.waiting.set(index, { client, request });
}
