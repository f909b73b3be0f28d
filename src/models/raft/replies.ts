// Replies: to another server, after its disk write when the request changed what it keeps on
// disk (term, vote, entries), and also when a write is still under way (the reply may vouch for
// entries that write is making safe), at once otherwise; and a leader's answer to a client.

import type { KvRequest, KvResponse } from '../../model/kit/kv/kv-messages.js';
import type { ServerState } from './server-state.js';
import type { CommandResult } from './state-machine.js';

export function replyAfterDisk(state: ServerState, changed: boolean, send: () => void): void {
  if (changed || state.disk.busy) state.disk.persist(send);
  else send();
}

export function answerClient(state: ServerState, client: string, request: KvRequest, result: CommandResult): void {
  const response: KvResponse = {
    kind: 'kv.response',
    requestId: request.requestId,
    outcome: result.outcome,
    ...(request.f === 'read' ? { value: result.value ?? null } : {}),
  };
  state.ctx.send(client, response);
}
