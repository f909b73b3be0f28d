// The storage node clients write to. It remembers the highest fencing token it has seen (in
// ctx.durable: a database keeps it on disk); with `fencing: true` it rejects a write whose token
// is below it (DDIA Figure 8-5), otherwise it accepts everything (Figure 8-4).

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import type { LockConfig } from './config.js';
import type { LockDurable, LockMessage } from './messages.js';
import type { LockObserver } from './observer.js';

export function createStorage(ctx: NodeContext<LockMessage, LockDurable>, config: LockConfig, observer: LockObserver): NodeBehaviour<LockMessage> {
  const onWrite = (from: string, requestId: number, token: number): void => {
    const highestToken = ctx.durable.get('highestToken') ?? 0;
    if (config.fencing && token < highestToken) {
      ctx.metrics.count('writes.stale-rejected');
      ctx.send(from, { kind: 'storage.rejected', requestId, highestToken });
      return;
    }
    if (token > highestToken) ctx.durable.set('highestToken', token);
    ctx.metrics.count('writes.accepted');
    observer.writeAccepted(from, token);
    ctx.send(from, { kind: 'storage.accepted', requestId });
  };
  return {
    onMessage(from, message) {
      if (message.kind === 'storage.write') onWrite(from, message.requestId, message.token);
    },
  };
}
