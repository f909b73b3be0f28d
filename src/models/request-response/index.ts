// The built-in `request-response` model: clients send requests to servers over the simulated
// network, with timeouts, retries, backoff and optional idempotency. Uses only the public model
// API (src/model/api.ts), exactly as a user's own model would.

import type { SystemModel } from '../../model/api.js';
import { FAILURE_CAUSE_NAMES, failureMetricName } from '../../model/kit/failure-causes.js';
import { compileSampler, distributionMeanUs } from '../../model/sampler.js';
import { createClient } from './client.js';
import { parseRequestResponseConfig, type RequestResponseConfig } from './config.js';
import { CRASH_PHASES, RequestResponseObserver } from './observer.js';
import { DETECTOR_METRIC_NAMES, trackDetectorQuality } from '../../model/kit/detectors/qos-tracker.js';
import { createServer } from './server.js';

export const requestResponseModel: SystemModel<RequestResponseConfig, RequestResponseObserver> = {
  name: 'request-response',
  description: 'Clients send requests to servers, with timeouts, retries, backoff and optional idempotency.',

  metricNames: (config) => [
    'requests.total',
    'requests.ok',
    'requests.failed',
    'requests.issued',
    'requests.incomplete',
    'requests.abandoned',
    'availability',
    { histogram: 'latency', unit: 'ms' },
    'attempts.total',
    'attempts.failed',
    'retries',
    'executions',
    'duplicates',
    'server.rejections',
    'attempts.to-crashed-server',
    ...CRASH_PHASES.flatMap((phase) => [`requests.${phase}.ok`, `requests.${phase}.failed`, `requests.${phase}.ok-fraction`]),
    ...(config.balancerDetector ? ['balancer.fail-open', ...DETECTOR_METRIC_NAMES] : []),
    ...FAILURE_CAUSE_NAMES.map(failureMetricName),
  ],

  parseConfig: parseRequestResponseConfig,

  createShared(config, setup) {
    const observer = new RequestResponseObserver(setup.oracle, setup.metrics, config.servers);
    if (config.balancerDetector) {
      observer.qos = trackDetectorQuality(
        setup,
        config.clients.flatMap((client) => config.servers.map((server) => [client, server] as const)),
      );
    }
    return observer;
  },

  createNode(ctx, config, observer) {
    const clientIndex = config.clients.indexOf(ctx.nodeName);
    if (clientIndex >= 0) {
      const clientCount = config.clients.length;
      const concurrency = config.closedLoopConcurrency;
      return createClient(ctx, config, observer, {
        arrivalRatePerSecond: config.arrivalRatePerSecond === null ? null : config.arrivalRatePerSecond / clientCount,
        concurrency:
          concurrency === null
            ? null
            : Math.floor(concurrency / clientCount) + (clientIndex < concurrency % clientCount ? 1 : 0),
      });
    }
    if (serverSet(config.servers).has(ctx.nodeName)) {
      return createServer(ctx, config, observer, compileSampler(config.serviceTime));
    }
    return null;
  },

  outstanding: (observer) => observer.outstanding(),

  drainLimitUs: (config) =>
    (config.retries + 1) * config.timeoutUs +
    config.retries * config.backoffMaxUs +
    10 * distributionMeanUs(config.serviceTime) +
    1_000_000,

  finish(observer, metrics) {
    const ok = metrics.get('requests.ok');
    const failed = metrics.get('requests.failed');
    metrics.set('requests.total', ok + failed);
    metrics.set('requests.incomplete', observer.incomplete());
    if (ok + failed > 0) metrics.set('availability', ok / (ok + failed));
    const crashed = observer.serverCrashSeen();
    for (const phase of CRASH_PHASES) {
      const phaseOk = metrics.get(`requests.${phase}.ok`);
      const phaseTotal = phaseOk + metrics.get(`requests.${phase}.failed`);
      // No request in a phase: the fraction is unknown, not 0. Without any server crash, the
      // phases themselves mean nothing: every figure is unknown.
      metrics.set(`requests.${phase}.ok-fraction`, crashed && phaseTotal > 0 ? phaseOk / phaseTotal : Number.NaN);
      if (!crashed) {
        metrics.set(`requests.${phase}.ok`, Number.NaN);
        metrics.set(`requests.${phase}.failed`, Number.NaN);
      }
    }
    observer.qos?.finish();
  },
};

const serverSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** The servers as a set, made once per config (a list lookup per node is O(n²) at 10,000 nodes). */
function serverSet(servers: readonly string[]): ReadonlySet<string> {
  let set = serverSets.get(servers);
  if (set === undefined) {
    set = new Set(servers);
    serverSets.set(servers, set);
  }
  return set;
}
