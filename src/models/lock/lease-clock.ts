// Which clock a node measures a lease with (`lease-clock:`), and where a client's lease ends on
// it. `monotonic`: elapsed time on the node's own monotonic clock, immune to clock steps and
// jumps (only drift moves it off true time); the client counts the lease from when it SENT the
// request, since the service's lease began somewhere between sending and the answer, so that its
// view never outlasts the service's (at equal clock rates). `time-of-day`: the service sends the
// expiry as a timestamp on its own time-of-day clock and the client compares its own time-of-day
// clock with it (DDIA's Listing 8-1), which breaks when either clock is stepped or skewed.

import type { NodeContext } from '../../model/api.js';
import type { LeaseClockKind } from './config.js';
import type { LockGrant } from './messages.js';

/** Reads the node's lease clock, in microseconds. */
export type LeaseClock = () => number;

export function leaseClockOf(ctx: Pick<NodeContext, 'monotonicUs' | 'nowUs'>, kind: LeaseClockKind): LeaseClock {
  return kind === 'monotonic' ? () => ctx.monotonicUs() : () => ctx.nowUs();
}

/** Where a client's lease ends on its lease clock, for a grant answering a request sent at `sentUs` (on that clock). */
export function clientLeaseEndUs(kind: LeaseClockKind, sentUs: number, grant: LockGrant): number {
  return kind === 'monotonic' ? sentUs + grant.leaseUs : grant.expiresAtUs;
}
