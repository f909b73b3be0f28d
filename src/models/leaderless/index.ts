// The built-in `leaderless` model (Dynamo style): N replicas per key (all nodes, or placement on a
// ring), writes wait for W acknowledgements and reads for R replies, a coordinator per request (a
// separate node, or a replica the client picks), read repair, and an optional sloppy quorum with
// hinted handoff. Versions, or last-write-wins timestamps from the coordinator's or the client's
// clock (`conflict: lww`), decide which value wins. Runs the kv workload (history for the checks)
// or the t-visibility workload (PBS staleness). Uses only the public model API.

import type { SystemModel } from '../../model/api.js';
import { createKvClient, type KvRouter } from '../../model/kit/kv/kv-client.js';
import { KV_METRIC_NAMES, KV_TIMELINE_SERIES } from '../../model/kit/kv/kv-ledger.js';
import { createVisibilityClient, VISIBILITY_METRIC_NAMES } from '../../model/kit/kv/visibility-client.js';
import { homeReplicas, parseLeaderlessConfig, type LeaderlessConfig } from './config.js';
import { createLeaderlessNode } from './node.js';
import { LeaderlessObserver } from './observer.js';

export const leaderlessModel: SystemModel<LeaderlessConfig, LeaderlessObserver> = {
  name: 'leaderless',
  description: 'Dynamo-style quorum replication: N, R, W, read repair, sloppy quorum with hinted handoff.',

  metricNames: () => [
    ...KV_METRIC_NAMES,
    ...VISIBILITY_METRIC_NAMES,
    'retries',
    'redirects',
    'read-repairs',
    'writes.hinted',
    /** Acknowledged writes discarded because an earlier one carried a later timestamp (always 0 under `versions`). */
    { name: 'writes.lww-dropped', unit: 'count' },
  ],

  timelineSeries: () => KV_TIMELINE_SERIES,

  checkNames: () => ['linearizable', 'no-lost-writes', 'converged'],

  parseConfig: parseLeaderlessConfig,

  createShared: (config, setup) => new LeaderlessObserver(config, setup.oracle, (key) => homeReplicas(config, key)),

  createNode(ctx, config, observer) {
    const workload = config.workload;
    if (workload.clients.includes(ctx.nodeName)) {
      const stream = ctx.stream('router');
      const router: KvRouter = {
        redirectMax: 0,
        target: () => config.coordinator ?? stream.pick(config.replicas),
        redirected: () => {},
        timedOut: () => {},
      };
      const options = { timestampWrites: config.conflict === 'lww' && config.timestamps === 'client' };
      return workload.kind === 'kv'
        ? createKvClient(ctx, workload, observer.ledger, router, options)
        : createVisibilityClient(ctx, workload, observer.visibility, router, options);
    }
    if (config.replicas.includes(ctx.nodeName) || config.coordinator === ctx.nodeName) return createLeaderlessNode(ctx, config, observer);
    return null;
  },

  outstanding: (observer) => observer.outstanding(),

  drainLimitUs: (config) => (('retries' in config.workload ? config.workload.retries : 0) + 1) * config.workload.timeoutUs * 2 + 1_000_000,

  startFinalReads: (observer) => observer.ledger.startFinalReads(),

  finish: (observer, metrics) => observer.finish(metrics),

  recordedFacts: (observer) => ({ replicaStates: observer.replicaStates(), placement: observer.placement(), discardedWrites: observer.discarded() }),
};
