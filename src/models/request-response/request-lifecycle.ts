// The life of one logical request at a client: issued, sent as attempts to balancer-chosen
// servers, each attempt timed out or failed with its true cause, retried after a backoff until
// the retries run out, and completed (ok or failed) with its metrics. One file: the steps call each other.

import { failureMetricName, type FailureCause } from '../../model/kit/failure-causes.js';
import { backoffUs } from './backoff.js';
import { chooseServer } from './balancer.js';
import type { ClientState, PendingRequest } from './client-state.js';
import type { RequestMessage } from './messages.js';
import { classifyTimeout, type AttemptTruth } from './truth.js';

/** Starts a new logical request with its first attempt. */
export function issueRequest(state: ClientState): void {
  const { ctx, observer } = state;
  const requestId = observer.newRequestId();
  const request: PendingRequest = {
    requestId,
    truth: { executions: 0 },
    firstSentUs: ctx.monotonicUs(),
    crashPhase: observer.crashPhase(),
    attemptCount: 0,
    attempt: null,
    requestTracker: null,
    timer: null,
  };
  state.pending.set(requestId, request);
  ctx.metrics.count('requests.issued');
  sendAttempt(state, request);
}

function sendAttempt(state: ClientState, request: PendingRequest): void {
  const { ctx, observer } = state;
  request.attemptCount++;
  const server = chooseServer(state);
  state.attemptsInFlight.set(server, state.attemptsInFlight.get(server)! + 1);
  if (observer.oracle.status(server) === 'down') ctx.metrics.count('attempts.to-crashed-server');
  const attempt: AttemptTruth = { server, progress: 'not-received', serverIncarnation: -1, responseTracker: null };
  const message: RequestMessage = {
    kind: 'request',
    requestId: request.requestId,
    attemptNumber: request.attemptCount,
    attempt,
    request: request.truth,
  };
  request.attempt = attempt;
  request.requestTracker = ctx.sendTracked(server, message);
  ctx.metrics.count('attempts.total');
  request.timer = ctx.setTimer(state.config.timeoutUs, () => {
    request.timer = null;
    failAttempt(state, request, classifyTimeout(request.requestTracker!, attempt, observer.oracle));
  });
}

/** The attempt in flight ends (answered, failed or superseded by a late answer). */
function endAttempt(state: ClientState, request: PendingRequest): void {
  if (!request.attempt) return;
  const server = request.attempt.server;
  state.attemptsInFlight.set(server, state.attemptsInFlight.get(server)! - 1);
  request.attempt = null;
}

/** Ends the attempt with its cause, then retries after a backoff or, out of retries, fails the request. */
export function failAttempt(state: ClientState, request: PendingRequest, cause: FailureCause): void {
  const { ctx, config } = state;
  ctx.metrics.count('attempts.failed');
  ctx.metrics.count(failureMetricName(cause));
  endAttempt(state, request);
  if (request.timer) ctx.cancelTimer(request.timer);
  request.timer = null;
  if (request.attemptCount > config.retries) {
    completeRequest(state, request, false);
    return;
  }
  ctx.metrics.count('retries');
  request.timer = ctx.setTimer(backoffUs(request.attemptCount, config, state.backoffStream), () => {
    request.timer = null;
    sendAttempt(state, request);
  });
}

/** Completes the request (a closed loop then issues the next one). */
export function completeRequest(state: ClientState, request: PendingRequest, ok: boolean): void {
  const { ctx } = state;
  state.pending.delete(request.requestId);
  endAttempt(state, request);
  ctx.metrics.count(`requests.${request.crashPhase}.${ok ? 'ok' : 'failed'}`);
  // Cancels the attempt's timeout or the backoff before a retry: a late answer ended it.
  if (request.timer) ctx.cancelTimer(request.timer);
  request.timer = null;
  if (ok) {
    ctx.metrics.count('requests.ok');
    ctx.metrics.observe('latency', (ctx.monotonicUs() - request.firstSentUs) / 1000);
  } else {
    ctx.metrics.count('requests.failed');
  }
  if (state.share.concurrency !== null && ctx.monotonicUs() < ctx.durationUs) issueRequest(state);
}
