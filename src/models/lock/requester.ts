// A client's one outstanding request at a time: sends it with an id, waits for the answer that
// echoes the id, and gives up after a timeout or a refusal ("connection refused"). Answers to
// anything but the current request (late, after a timeout or a pause) are ignored. Ids are kept
// in ctx.durable so that answers addressed to an incarnation before a crash never match.

import type { NodeContext } from '../../model/api.js';
import { assert } from '../../model/assert.js';
import type { LockDurable, LockMessage } from './messages.js';

export interface RequestHandlers {
  onReply(reply: LockMessage): void;
  /** Timed out, or the destination's process was down. */
  onNoReply(): void;
}

export interface Requester {
  send(to: string, build: (requestId: number) => LockMessage, handlers: RequestHandlers): void;
  onMessage(message: LockMessage): void;
  onRefused(message: LockMessage): void;
}

export function createRequester(ctx: NodeContext<LockMessage, LockDurable>, timeoutUs: number): Requester {
  let pending: { readonly requestId: number; readonly timer: ReturnType<typeof ctx.setTimer>; readonly handlers: RequestHandlers } | null = null;
  const take = (requestId: number): RequestHandlers | null => {
    if (pending === null || pending.requestId !== requestId) return null;
    const { handlers, timer } = pending;
    pending = null;
    ctx.cancelTimer(timer);
    return handlers;
  };
  return {
    send(to, build, handlers) {
      assert(pending === null, `lock client ${ctx.nodeName} sent a request while another was outstanding`);
      const requestId = ctx.durable.get('nextRequestId') ?? 1;
      ctx.durable.set('nextRequestId', requestId + 1);
      pending = { requestId, handlers, timer: ctx.setTimer(timeoutUs, () => take(requestId)?.onNoReply()) };
      ctx.send(to, build(requestId));
    },
    onMessage(message) {
      if ('requestId' in message) take(message.requestId)?.onReply(message);
    },
    onRefused(message) {
      if ('requestId' in message) take(message.requestId)?.onNoReply();
    },
  };
}
