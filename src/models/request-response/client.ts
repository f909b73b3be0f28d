// A client: issues logical requests (open loop with Poisson arrivals, or closed loop keeping a
// number outstanding), sends each attempt to a server chosen by the balancer, times out, retries
// with exponential backoff and jitter. On each failed attempt it records the true cause (from the
// observer), which the client itself could not know. With a health check or failure detector
// (`balancer.health-check` / `balancer.detector`) the balancer probes the servers and routes away
// from those it suspects; when it suspects all of them it fails open and uses them all.

import type { MessageTracker, NodeBehaviour, NodeContext, RandomStream, TimerHandle } from '../../model/api.js';
import { failureMetricName, type FailureCause } from '../../model/kit/failure-causes.js';
import { startPoissonArrivals } from '../../model/kit/poisson-arrivals.js';
import type { RequestResponseConfig } from './config.js';
import type { RequestMessage, ResponseMessage } from './messages.js';
import type { RequestResponseObserver } from './observer.js';
import { classifyTimeout, type AttemptTruth, type RequestTruth } from './truth.js';
import type { CrashPhase } from './observer.js';
import { startMonitor, type Monitor } from '../../model/kit/detectors/monitor.js';

interface PendingRequest {
  readonly requestId: number;
  readonly truth: RequestTruth;
  readonly firstSentUs: number;
  /** Truth, for availability before, during and after a crash. */
  readonly crashPhase: CrashPhase;
  attemptCount: number;
  /** The attempt in flight (null while backing off). */
  attempt: AttemptTruth | null;
  requestTracker: MessageTracker | null;
  /** The attempt's timeout, or the backoff timer before the next attempt. */
  timer: TimerHandle | null;
}

export interface ClientShare {
  /** This client's share of the open-loop rate, per second. */
  readonly arrivalRatePerSecond: number | null;
  /** This client's share of the closed-loop concurrency. */
  readonly concurrency: number | null;
}

export function createClient(
  ctx: NodeContext,
  config: RequestResponseConfig,
  observer: RequestResponseObserver,
  share: ClientShare,
): NodeBehaviour {
  const pending = new Map<number, PendingRequest>();
  observer.registerClient(ctx.nodeName, pending);
  const arrivals = ctx.stream('workload');
  const balancer = ctx.stream('balancer');
  const backoffStream = ctx.stream('backoff');
  let roundRobin = 0;
  /** Attempts in flight per server, for least-outstanding. */
  const attemptsInFlight = new Map<string, number>(config.servers.map((server) => [server, 0]));
  const monitor: Monitor | null = config.balancerDetector
    ? startMonitor(ctx, {
        targets: config.servers,
        detector: config.balancerDetector,
        stopAtUs: ctx.durationUs,
        listener: { onViewChange: (server, suspected) => observer.qos?.onViewChange(ctx.nodeName, server, suspected) },
      })
    : null;

  /** Servers the balancer does not suspect; all of them when it suspects every one (fail open). */
  const candidates = (): readonly string[] => {
    if (!monitor) return config.servers;
    const trusted = config.servers.filter((server) => !monitor.isSuspected(server));
    if (trusted.length > 0) return trusted;
    ctx.metrics.count('balancer.fail-open');
    return config.servers;
  };

  const chooseServer = (): string => {
    const usable = candidates();
    const count = config.servers.length;
    switch (config.balancerPolicy) {
      case 'random':
        return balancer.pick(usable);
      case 'round-robin':
        for (let step = 0; step < count; step++) {
          const server = config.servers[(roundRobin + step) % count]!;
          if (usable.includes(server)) {
            roundRobin += step + 1;
            return server;
          }
        }
        throw new Error('model bug: no usable server');
      case 'least-outstanding': {
        // Fewest attempts in flight; ties go to the first after the rotating pointer.
        let best: string | null = null;
        for (let step = 0; step < count; step++) {
          const server = config.servers[(roundRobin + step) % count]!;
          if (!usable.includes(server)) continue;
          if (best === null || attemptsInFlight.get(server)! < attemptsInFlight.get(best)!) best = server;
        }
        roundRobin++;
        return best!;
      }
    }
  };

  /** The attempt in flight ends (answered, failed or superseded by a late answer). */
  const endAttempt = (request: PendingRequest): void => {
    if (!request.attempt) return;
    const server = request.attempt.server;
    attemptsInFlight.set(server, attemptsInFlight.get(server)! - 1);
    request.attempt = null;
  };

  const sendAttempt = (request: PendingRequest): void => {
    request.attemptCount++;
    const server = chooseServer();
    attemptsInFlight.set(server, attemptsInFlight.get(server)! + 1);
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
    request.timer = ctx.setTimer(config.timeoutUs, () => {
      request.timer = null;
      failAttempt(request, classifyTimeout(request.requestTracker!, attempt, observer.oracle));
    });
  };

  const failAttempt = (request: PendingRequest, cause: FailureCause): void => {
    ctx.metrics.count('attempts.failed');
    ctx.metrics.count(failureMetricName(cause));
    endAttempt(request);
    if (request.timer) ctx.cancelTimer(request.timer);
    request.timer = null;
    if (request.attemptCount > config.retries) {
      complete(request, false);
      return;
    }
    ctx.metrics.count('retries');
    request.timer = ctx.setTimer(backoffUs(request.attemptCount, config, backoffStream), () => {
      request.timer = null;
      sendAttempt(request);
    });
  };

  const complete = (request: PendingRequest, ok: boolean): void => {
    pending.delete(request.requestId);
    endAttempt(request);
    ctx.metrics.count(`requests.${request.crashPhase}.${ok ? 'ok' : 'failed'}`);
    // Cancels the attempt's timeout or the backoff before a retry: a late answer ended it.
    if (request.timer) ctx.cancelTimer(request.timer);
    request.timer = null;
    if (ok) {
      ctx.metrics.count('requests.ok');
      ctx.metrics.observe('latency', (ctx.nowUs() - request.firstSentUs) / 1000);
    } else {
      ctx.metrics.count('requests.failed');
    }
    if (share.concurrency !== null && ctx.nowUs() < ctx.durationUs) issue();
  };

  const issue = (): void => {
    const requestId = observer.newRequestId();
    const request: PendingRequest = {
      requestId,
      truth: { executions: 0 },
      firstSentUs: ctx.nowUs(),
      crashPhase: observer.crashPhase(),
      attemptCount: 0,
      attempt: null,
      requestTracker: null,
      timer: null,
    };
    pending.set(requestId, request);
    ctx.metrics.count('requests.issued');
    sendAttempt(request);
  };

  if (share.arrivalRatePerSecond !== null) startPoissonArrivals(ctx, share.arrivalRatePerSecond, arrivals, issue);
  if (share.concurrency !== null) for (let i = 0; i < share.concurrency; i++) issue();

  return {
    onMessage(from, raw) {
      if (monitor?.handleMessage(from, raw)) return;
      const message = raw as ResponseMessage;
      if (message.kind !== 'response') return;
      // Any attempt's response completes a request still pending (late answers included).
      const request = pending.get(message.requestId);
      if (!request) return;
      if (message.outcome === 'ok') complete(request, true);
      else if (request.attempt && message.attemptNumber === request.attemptCount) failAttempt(request, 'rejected');
    },
    onRefused(to, raw) {
      if (monitor?.handleRefused(to, raw)) return;
      const message = raw as RequestMessage;
      const request = pending.get(message.requestId);
      if (request && request.attempt === message.attempt) failAttempt(request, 'server-crashed');
    },
  };
}

/** Exponential backoff after the given number of attempts, capped, with jitter. */
export function backoffUs(attemptCount: number, config: RequestResponseConfig, stream: RandomStream): number {
  const ceilingUs = Math.min(config.backoffMaxUs, config.backoffBaseUs * 2 ** (attemptCount - 1));
  switch (config.backoffJitter) {
    case 'full':
      return ceilingUs * stream.next();
    case 'equal':
      return ceilingUs / 2 + (ceilingUs / 2) * stream.next();
    case 'none':
      return ceilingUs;
  }
}
