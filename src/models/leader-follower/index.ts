// The built-in `leader-follower` model: one leader orders the writes and replicates them to
// followers (sync, async or semi-sync); failover manual or automatic (a heartbeat timeout or a
// failure detector of src/model/kit/detectors, and a majority vote, the most up-to-date replica winning);
// optional fencing by epochs; optional check-quorum (a leader that hears no majority steps down);
// reads from the leader or any replica. Clients run the kv workload and record a history for the
// checks. Uses only the public model API.

import { DETECTOR_METRIC_NAMES, trackDetectorQuality } from '../../model/kit/detectors/qos-tracker.js';
import type { SystemModel } from '../../model/api.js';
import { distributionMeanUs } from '../../model/sampler.js';
import { createKvClient } from '../../model/kit/kv/kv-client.js';
import { KV_METRIC_NAMES, KV_TIMELINE_SERIES } from '../../model/kit/kv/kv-ledger.js';
import { parseLeaderFollowerConfig, type LeaderFollowerConfig } from './config.js';
import { LeaderFollowerObserver } from './observer.js';
import { createLeaderRouter } from './router.js';
import { createServer } from './server.js';

export const leaderFollowerModel: SystemModel<LeaderFollowerConfig, LeaderFollowerObserver> = {
  name: 'leader-follower',
  description: 'Single-leader replication (sync, async, semi-sync) with failover, optional epoch fencing and check-quorum.',

  metricNames: (config) => [
    ...KV_METRIC_NAMES,
    'retries',
    'redirects',
    'leader.elections',
    'leader.split-brain-ms',
    'leader.unavailable-ms',
    ...(config.detector ? DETECTOR_METRIC_NAMES : []),
  ],

  timelineSeries: () => KV_TIMELINE_SERIES,

  roleNames: ['leader', 'follower'],

  // `{ crash: { role: leader } }` hits whoever acts as leader when the fault fires.
  roles: (observer) => ({ leader: observer.actingLeaders(), follower: observer.followers() }),

  checkNames: () => ['linearizable', 'no-lost-writes', 'single-leader', 'converged'],

  parseConfig: parseLeaderFollowerConfig,

  createShared(config, setup) {
    const observer = new LeaderFollowerObserver(setup.oracle, config.servers, setup.durationUs);
    if (config.detector) {
      // Every replica watches every other: any of them may lead next.
      observer.qos = trackDetectorQuality(
        setup,
        config.servers.flatMap((monitor) => config.servers.filter((target) => target !== monitor).map((target) => [monitor, target] as const)),
      );
    }
    return observer;
  },

  createNode(ctx, config, observer) {
    if (config.workload.clients.includes(ctx.nodeName)) {
      return createKvClient(ctx, config.workload, observer.ledger, createLeaderRouter(config, ctx.stream('router')));
    }
    if (config.servers.includes(ctx.nodeName)) return createServer(ctx, config, observer);
    return null;
  },

  outstanding: (observer) => observer.ledger.outstanding(),

  drainLimitUs: (config) =>
    (config.workload.retries + 1) * config.workload.timeoutUs * 2 + 10 * distributionMeanUs(config.replicationDelay) + 1_000_000,

  startFinalReads: (observer) => observer.ledger.startFinalReads(),

  finish: (observer, metrics) => observer.finish(metrics),

  recordedFacts: (observer) => ({ leaderTerms: observer.leaderTerms(), replicaStates: observer.replicaStates(), discardedWrites: observer.discarded() }),
};
