// Everything one request-response client keeps, in one plain object: its pending requests, its
// random streams, the balancer's rotation and in-flight counts, and the balancer's failure
// detector. The request lifecycle and the balancer take it as their first argument.

import type { MessageTracker, NodeContext, RandomStream, TimerHandle } from '../../model/api.js';
import { startMonitor, type Monitor } from '../../model/kit/detectors/monitor.js';
import type { RequestResponseConfig } from './config.js';
import type { CrashPhase, RequestResponseObserver } from './observer.js';
import type { AttemptTruth, RequestTruth } from './truth.js';

export interface PendingRequest {
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

export interface ClientState {
  readonly ctx: NodeContext;
  readonly config: RequestResponseConfig;
  readonly observer: RequestResponseObserver;
  readonly share: ClientShare;
  /** Logical requests not yet completed, by request id. */
  readonly pending: Map<number, PendingRequest>;
  /** Open-loop arrival times. */
  readonly arrivals: RandomStream;
  /** The balancer's random choices. */
  readonly balancer: RandomStream;
  /** Backoff jitter. */
  readonly backoffStream: RandomStream;
  /** Round-robin pointer (also the tie-breaking rotation of least-outstanding). */
  roundRobin: number;
  /** Attempts in flight per server, for least-outstanding. */
  readonly attemptsInFlight: Map<string, number>;
  /** The balancer's failure detector (null without `balancer.health-check` / `balancer.detector`). */
  readonly monitor: Monitor | null;
}

export function createClientState(
  ctx: NodeContext,
  config: RequestResponseConfig,
  observer: RequestResponseObserver,
  share: ClientShare,
): ClientState {
  const pending = new Map<number, PendingRequest>();
  observer.registerClient(ctx.nodeName, pending);
  const arrivals = ctx.stream('workload');
  const balancer = ctx.stream('balancer');
  const backoffStream = ctx.stream('backoff');
  const attemptsInFlight = new Map<string, number>(config.servers.map((server) => [server, 0]));
  const monitor = startBalancerMonitor(ctx, config, observer);
  return { ctx, config, observer, share, pending, arrivals, balancer, backoffStream, roundRobin: 0, attemptsInFlight, monitor };
}

function startBalancerMonitor(ctx: NodeContext, config: RequestResponseConfig, observer: RequestResponseObserver): Monitor | null {
  if (!config.balancerDetector) return null;
  return startMonitor(ctx, {
    targets: config.servers,
    detector: config.balancerDetector,
    stopAtUs: ctx.durationUs,
    listener: { onViewChange: (server, suspected) => observer.qos?.onViewChange(ctx.nodeName, server, suspected) },
  });
}
