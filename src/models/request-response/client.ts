// A client: issues logical requests (open loop with Poisson arrivals, or closed loop keeping a
// number outstanding), sends each attempt to a server chosen by the balancer, times out, retries
// with exponential backoff and jitter. On each failed attempt it records the true cause (from the
// observer), which the client itself could not know. With a health check or failure detector
// (`balancer.health-check` / `balancer.detector`) the balancer probes the servers and routes away
// from those it suspects; when it suspects all of them it fails open and uses them all.

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import { startPoissonArrivals } from '../../model/kit/poisson-arrivals.js';
import { createClientState, type ClientShare, type ClientState } from './client-state.js';
import type { RequestResponseConfig } from './config.js';
import type { RequestMessage, ResponseMessage } from './messages.js';
import type { RequestResponseObserver } from './observer.js';
import { completeRequest, failAttempt, issueRequest } from './request-lifecycle.js';

// The state and the steps live next door: client-state.ts, request-lifecycle.ts (attempts,
// timeouts, retries), balancer.ts (server choice) and backoff.ts.
export { backoffUs } from './backoff.js';
export type { ClientShare } from './client-state.js';

export function createClient(
  ctx: NodeContext,
  config: RequestResponseConfig,
  observer: RequestResponseObserver,
  share: ClientShare,
): NodeBehaviour {
  const state = createClientState(ctx, config, observer, share);
  const issue = (): void => issueRequest(state);
  if (share.arrivalRatePerSecond !== null) startPoissonArrivals(ctx, share.arrivalRatePerSecond, state.arrivals, issue);
  if (share.concurrency !== null) for (let i = 0; i < share.concurrency; i++) issue();

  return {
    onMessage(from, raw) {
      if (state.monitor?.handleMessage(from, raw)) return;
      onResponse(state, raw as ResponseMessage);
    },
    onRefused(to, raw) {
      if (state.monitor?.handleRefused(to, raw)) return;
      onRefusedRequest(state, raw as RequestMessage);
    },
  };
}

/** Any attempt's response completes a request still pending (late answers included). */
function onResponse(state: ClientState, message: ResponseMessage): void {
  if (message.kind !== 'response') return;
  const request = state.pending.get(message.requestId);
  if (!request) return;
  if (message.outcome === 'ok') completeRequest(state, request, true);
  else if (request.attempt && message.attemptNumber === request.attemptCount) failAttempt(state, request, 'rejected');
}

/** The transport refused the attempt's request: its server is down. */
function onRefusedRequest(state: ClientState, message: RequestMessage): void {
  const request = state.pending.get(message.requestId);
  if (request && request.attempt === message.attempt) failAttempt(state, request, 'server-crashed');
}
