// A lock client: acquires the lock, then loops: check "do I still hold the lease?" on its own
// lease clock; if so, work for a while (a sampled delay), write to storage with its token, and
// renew once less than `renew-before` is left. The check and the write are separate moments:
// a client paused between them (GC, a suspended VM) wakes up and writes, unaware that its lease
// ran out meanwhile (DDIA Figure 8-4). A refused acquire is retried after `retry`; a write that
// storage rejects (fencing) or a refused renewal tells the client that it lost the lock, and it
// asks again after `retry` too. With
// `release-after`, a holder gives the lock back after holding it that long, and competes again.

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import type { LockConfig } from './config.js';
import { clientLeaseEndUs, leaseClockOf } from './lease-clock.js';
import type { LockDurable, LockGrant, LockMessage } from './messages.js';
import type { LockObserver } from './observer.js';
import { createRequester } from './requester.js';

interface Lease {
  readonly token: number;
  /** On the client's lease clock. */
  readonly endUs: number;
}

export function createLockClient(ctx: NodeContext<LockMessage, LockDurable>, config: LockConfig, observer: LockObserver): NodeBehaviour<LockMessage> {
  const clock = leaseClockOf(ctx, config.leaseClock);
  const requests = createRequester(ctx, config.timeoutUs);
  const workStream = ctx.stream('work');
  let lease: Lease | null = null;
  /** When the current lease was granted, on the monotonic clock (for `release-after`). */
  let heldSinceUs = 0;

  const hold = (grant: LockGrant, sentUs: number): void => {
    lease = { token: grant.token, endUs: clientLeaseEndUs(config.leaseClock, sentUs, grant) };
  };
  const acquire = (): void => {
    const sentUs = clock();
    requests.send(config.service, (requestId) => ({ kind: 'lock.acquire', requestId }), {
      onReply: (reply) => {
        if (reply.kind !== 'lock.granted') return retryLater();
        hold(reply, sentUs);
        heldSinceUs = ctx.monotonicUs();
        check();
      },
      onNoReply: retryLater,
    });
  };
  const retryLater = (): void => {
    ctx.setTimer(config.retryUs, acquire);
  };
  const check = (): void => {
    // Lost, or over by the client's clock (one far ahead sees every grant expired on arrival):
    // ask again after `retry`, never in a tight loop.
    if (lease === null || clock() >= lease.endUs) {
      lease = null;
      return retryLater();
    }
    const token = lease.token;
    observer.checked(ctx.nodeName, token);
    ctx.setTimer(ctx.sample(config.work, workStream) * ctx.slowFactor(), () => write(token));
  };
  const write = (token: number): void => {
    observer.writing(ctx.nodeName, token);
    requests.send(config.storage, (requestId) => ({ kind: 'storage.write', requestId, token }), {
      onReply: (reply) => {
        if (reply.kind !== 'storage.rejected') return afterWrite();
        lease = null; // fenced off: someone holds a newer token
        retryLater();
      },
      onNoReply: afterWrite,
    });
  };
  const afterWrite = (): void => {
    if (lease !== null && config.releaseAfterUs !== null && ctx.monotonicUs() - heldSinceUs >= config.releaseAfterUs) release(lease.token);
    else if (lease !== null && lease.endUs - clock() < config.renewBeforeUs) renew(lease.token);
    else check();
  };
  const release = (token: number): void => {
    ctx.send(config.service, { kind: 'lock.release', token });
    lease = null;
    retryLater();
  };
  const renew = (token: number): void => {
    const sentUs = clock();
    requests.send(config.service, (requestId) => ({ kind: 'lock.renew', requestId, token }), {
      onReply: (reply) => {
        if (reply.kind === 'lock.granted') hold(reply, sentUs);
        else lease = null;
        check();
      },
      // No answer: keep the lease while the clock says it lasts; the next write renews again.
      onNoReply: check,
    });
  };

  acquire();
  return {
    onMessage: (_from, message) => requests.onMessage(message),
    onRefused: (_to, message) => requests.onRefused(message),
  };
}
