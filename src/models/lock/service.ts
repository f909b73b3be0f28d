// The lock service node: grants the lock when it is free or the previous lease has run out on
// the service's lease clock, with a fencing token one above the last one granted. The last token
// lives in ctx.durable, so tokens keep increasing across crashes. Who holds the lock is volatile:
// a restarted service has forgotten it, so it grants nothing for one lease length (Chubby's
// grace period): by then every lease it granted before the crash has run out. A renewal keeps
// the token: the token names a grant, and only a new grant (another holder, or the same client
// after its lease was lost) can make an older holder's writes stale. A holder may release the
// lock (`release-after`), which frees it at once.

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import type { LockConfig } from './config.js';
import { leaseClockOf } from './lease-clock.js';
import type { LockDurable, LockMessage } from './messages.js';
import type { LockObserver } from './observer.js';

interface Holder {
  readonly client: string;
  readonly token: number;
  /** On the service's lease clock. */
  expiresUs: number;
}

export function createLockService(ctx: NodeContext<LockMessage, LockDurable>, config: LockConfig, observer: LockObserver): NodeBehaviour<LockMessage> {
  const clock = leaseClockOf(ctx, config.leaseClock);
  const restarted = ctx.durable.has('token');
  const graceUntilUs = restarted ? clock() + config.leaseUs : Number.NEGATIVE_INFINITY;
  let holder: Holder | null = null;

  /** The current holder, forgetting one whose lease has run out on the service's clock. */
  const currentHolder = (): Holder | null => {
    if (holder !== null && clock() >= holder.expiresUs) holder = null;
    return holder;
  };
  const answerGranted = (to: string, requestId: number, current: Holder): void => {
    ctx.send(to, { kind: 'lock.granted', requestId, token: current.token, leaseUs: config.leaseUs, expiresAtUs: ctx.nowUs() + config.leaseUs });
  };
  const refuse = (to: string, requestId: number): void => {
    ctx.metrics.count('lock.refusals');
    ctx.send(to, { kind: 'lock.refused', requestId });
  };
  const extend = (to: string, requestId: number, current: Holder): void => {
    current.expiresUs = clock() + config.leaseUs;
    ctx.metrics.count('lock.renewals');
    observer.renewed(current.token);
    answerGranted(to, requestId, current);
  };
  const grant = (to: string, requestId: number): void => {
    const token = (ctx.durable.get('token') ?? 0) + 1;
    ctx.durable.set('token', token);
    holder = { client: to, token, expiresUs: clock() + config.leaseUs };
    ctx.metrics.count('lock.grants');
    observer.granted(to, token);
    answerGranted(to, requestId, holder);
  };

  const onAcquire = (from: string, requestId: number): void => {
    const current = currentHolder();
    // The holder asking again (its earlier answer was lost or late) keeps its lease and token.
    if (current !== null && current.client === from) extend(from, requestId, current);
    else if (current !== null || clock() < graceUntilUs) refuse(from, requestId);
    else grant(from, requestId);
  };
  const onRelease = (from: string, token: number): void => {
    const current = currentHolder();
    if (current === null || current.client !== from || current.token !== token) return;
    holder = null;
    ctx.metrics.count('lock.releases');
    observer.released(token);
  };
  const onRenew = (from: string, requestId: number, token: number): void => {
    const current = currentHolder();
    if (current !== null && current.client === from && current.token === token) extend(from, requestId, current);
    else refuse(from, requestId);
  };

  return {
    onMessage(from, message) {
      if (message.kind === 'lock.acquire') onAcquire(from, message.requestId);
      else if (message.kind === 'lock.renew') onRenew(from, message.requestId, message.token);
      else if (message.kind === 'lock.release') onRelease(from, message.token);
    },
  };
}
