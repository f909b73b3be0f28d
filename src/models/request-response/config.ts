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
  const servers = system.nodeNames('servers');
  const serviceTime = system.distribution('service', { default: { kind: 'constant', valueUs: 1000 } });
  const serverConcurrency = system.number('concurrency', { default: 1, min: 1, max: 100_000, integer: true });
  const queueCapacity = system.number('queue', { default: 1000, min: 0, max: 1_000_000, integer: true });
  const balancer = system.section('balancer');
  const balancerPolicy = (balancer?.string('policy', { default: 'random', oneOf: BALANCER_POLICIES }) ??
    'random') as BalancerPolicy;
  const balancerDetector = balancer ? parseBalancerDetector(balancer) : null;
  balancer?.finish();

  if (!workload) {
    system.error(null, 'the request-response model needs a `workload:` section', 'add workload: { clients: [...], rate: 100/s }');
  }
  const clients = workload?.nodeNames('clients') ?? [];
  const hasRate = workload?.has('rate') ?? false;
  const hasConcurrency = workload?.has('concurrency') ?? false;
  if (workload && hasRate === hasConcurrency) {
    workload.error(null, 'give exactly one of `rate` (open loop) and `concurrency` (closed loop)', 'e.g. rate: 200/s');
  }
  const arrivalRatePerSecond = hasRate
    ? workload!.ratePerSecond('rate', { min: 0, max: ARRIVAL_RATE_PER_SECOND_MAX })
    : null;
  const closedLoopConcurrency = hasConcurrency
    ? workload!.number('concurrency', { min: 1, max: 1_000_000, integer: true })
    : null;
  const timeoutUs = workload?.duration('timeout', { default: 1_000_000, min: 1 }) ?? 1_000_000;
  const retries = workload?.number('retries', { default: 0, min: 0, max: 100, integer: true }) ?? 0;
  const backoff = workload?.section('backoff') ?? null;
  const backoffBaseUs = backoff?.duration('base', { default: 10_000, min: 0 }) ?? 10_000;
  const backoffMaxUs = backoff?.duration('max', { default: 1_000_000, min: 0 }) ?? 1_000_000;
  const backoffJitter = (backoff?.string('jitter', { default: 'full', oneOf: ['full', 'equal', 'none'] }) ??
    'full') as BackoffJitter;
  backoff?.finish();
  const idempotent = workload?.boolean('idempotent', { default: false }) ?? false;
  const dedupeWindowUs = workload?.duration('dedupe-window', { default: 600_000_000, min: 1 }) ?? 600_000_000;

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
