// Configuration of the request-response model, read from `system:` and `workload:`.

import type { ModelSections } from '../../model/api.js';
import type { ConfigReader } from '../../model/config-reader.js';
import type { DistributionSpec } from '../../model/distribution.js';
import { parseDetectorConfig, type DetectorConfig, monitoringBoundProblem } from '../../model/kit/detectors/detector-config.js';

export type BalancerPolicy = 'random' | 'round-robin' | 'least-outstanding';
export const BALANCER_POLICIES: readonly BalancerPolicy[] = ['random', 'round-robin', 'least-outstanding'];
export type BackoffJitter = 'full' | 'equal' | 'none';

export interface RequestResponseConfig {
  readonly servers: readonly string[];
  readonly serviceTime: DistributionSpec;
  /** Requests a server works on at once. */
  readonly serverConcurrency: number;
  /** Waiting requests beyond this are rejected. */
  readonly queueCapacity: number;
  readonly balancerPolicy: BalancerPolicy;
  /**
   * How each client's balancer watches the servers (`balancer.health-check` or
   * `balancer.detector`); it routes away from servers it suspects. Null: it routes blindly.
   */
  readonly balancerDetector: DetectorConfig | null;
  readonly clients: readonly string[];
  /** Open loop: Poisson arrivals at this total rate (per second), split evenly over the clients. */
  readonly arrivalRatePerSecond: number | null;
  /** Closed loop: this many logical requests outstanding in total, split over the clients. */
  readonly closedLoopConcurrency: number | null;
  readonly timeoutUs: number;
  readonly retries: number;
  readonly backoffBaseUs: number;
  readonly backoffMaxUs: number;
  readonly backoffJitter: BackoffJitter;
  /** Servers remember request ids and do not execute a retry twice. */
  readonly idempotent: boolean;
  /** How long a server remembers a request id. */
  readonly dedupeWindowUs: number;
}

export const ARRIVAL_RATE_PER_SECOND_MAX = 1_000_000;
/** Requests that may be pending at once (each holds a few hundred bytes until it ends). */
export const OUTSTANDING_REQUEST_COUNT_MAX = 2_000_000;

export function parseRequestResponseConfig({ system, workload, nodeNames }: ModelSections): RequestResponseConfig {
  const servers = system.nodeNames('servers', { description: 'the nodes that serve requests' });
  const serviceTime = system.distribution('service', { default: { kind: 'constant', valueUs: 1000 }, description: 'time a server works on one request' });
  const serverConcurrency = system.number('concurrency', { default: 1, min: 1, max: 100_000, integer: true, description: 'requests a server works on at once' });
  const queueCapacity = system.number('queue', { default: 1000, min: 0, max: 1_000_000, integer: true, description: 'waiting requests beyond this are rejected' });
  const balancer = system.section('balancer', { description: 'how each client picks a server' });
  const balancerPolicy = (balancer?.string('policy', { default: 'random', oneOf: BALANCER_POLICIES, description: 'how the balancer picks a server' }) ??
    'random') as BalancerPolicy;
  const balancerDetector = balancer ? parseBalancerDetector(balancer) : null;
  balancer?.finish();

  if (!workload) {
    system.error(null, 'the request-response model needs a `workload:` section', 'add workload: { clients: [...], rate: 100/s }');
  }
  const clients = workload?.nodeNames('clients', { description: 'the nodes that send requests' }) ?? [];
  const hasRate = workload?.has('rate') ?? false;
  const hasConcurrency = workload?.has('concurrency') ?? false;
  if (workload && hasRate === hasConcurrency) {
    workload.error(null, 'give exactly one of `rate` (open loop) and `concurrency` (closed loop)', 'e.g. rate: 200/s');
  }
  const arrivalRatePerSecond = hasRate
    ? workload!.ratePerSecond('rate', { min: 0, max: ARRIVAL_RATE_PER_SECOND_MAX, description: 'open loop: Poisson arrivals at this total rate (give rate or concurrency)' })
    : null;
  const closedLoopConcurrency = hasConcurrency
    ? workload!.number('concurrency', { min: 1, max: 1_000_000, integer: true, description: 'closed loop: this many requests outstanding in total (give rate or concurrency)' })
    : null;
  const timeoutUs = workload?.duration('timeout', { default: 1_000_000, min: 1, description: 'a client gives up on an attempt after this' }) ?? 1_000_000;
  const retries = workload?.number('retries', { default: 0, min: 0, max: 100, integer: true, description: 'attempts after a timeout' }) ?? 0;
  const backoff = workload?.section('backoff', { description: 'the wait before each retry' }) ?? null;
  const backoffBaseUs = backoff?.duration('base', { default: 10_000, min: 0, description: 'first backoff, doubled each retry' }) ?? 10_000;
  const backoffMaxUs = backoff?.duration('max', { default: 1_000_000, min: 0, description: 'longest backoff' }) ?? 1_000_000;
  const backoffJitter = (backoff?.string('jitter', { default: 'full', oneOf: ['full', 'equal', 'none'], description: 'random part of each backoff' }) ??
    'full') as BackoffJitter;
  backoff?.finish();
  const idempotent = workload?.boolean('idempotent', { default: false, description: 'servers remember request ids and do not execute a retry twice' }) ?? false;
  const dedupeWindowUs = workload?.duration('dedupe-window', { default: 600_000_000, min: 1, description: 'how long a server remembers a request id' }) ?? 600_000_000;

  for (const client of clients) {
    if (servers.includes(client)) {
      workload!.error('clients', `node "${client}" cannot be both a client and a server`, 'use separate nodes');
    }
  }
  if (servers.length === 0 && nodeNames.length > 0) system.error('servers', 'at least one server is needed');
  if (arrivalRatePerSecond !== null) {
    // A request stays pending for at most its attempts, timeouts and backoffs: bound what that
    // rate can keep in flight, so runaway input is refused instead of exhausting memory.
    const lifetimeUs = (retries + 1) * timeoutUs + retries * backoffMaxUs;
    const pendingMax = (arrivalRatePerSecond * lifetimeUs) / 1_000_000;
    if (pendingMax > OUTSTANDING_REQUEST_COUNT_MAX) {
      workload!.error(
        'rate',
        `this rate could keep ${Math.round(pendingMax).toLocaleString('en-US')} requests pending at once ` +
          `(more than ${OUTSTANDING_REQUEST_COUNT_MAX.toLocaleString('en-US')})`,
        'lower the rate, the timeout or the retries',
      );
    }
  }
  // No clients means a problem already reported: `clients` missing, empty, naming unknown nodes, or
  // the topology itself in error (a second message would only repeat it).
  // Every client's balancer watches every server.
  const tooMuch = balancerDetector ? monitoringBoundProblem(clients.length * servers.length, balancerDetector) : null;
  if (tooMuch) system.error('balancer', tooMuch, 'fewer clients or servers, or a smaller max-samples');

  return {
    servers,
    serviceTime,
    serverConcurrency,
    queueCapacity,
    balancerPolicy,
    balancerDetector,
    clients,
    arrivalRatePerSecond,
    closedLoopConcurrency,
    timeoutUs,
    retries,
    backoffBaseUs,
    backoffMaxUs,
    backoffJitter,
    idempotent,
    dedupeWindowUs,
  };
}

/** `health-check: {...}` (a detector of kind health-check by default) or `detector: {...}`; not both. */
function parseBalancerDetector(balancer: ConfigReader): DetectorConfig | null {
  const healthCheck = balancer.section('health-check');
  const detector = balancer.section('detector');
  if (healthCheck && detector) {
    balancer.error('detector', 'give either `health-check` or `detector`, not both', 'a health check is a detector of kind health-check');
  }
  if (healthCheck) return parseDetectorConfig(healthCheck, 'health-check');
  if (detector) return parseDetectorConfig(detector);
  return null;
}
