// The built-in `raft` model: Raft consensus (Ongaro and Ousterhout, USENIX ATC 2014) serving the
// kv workload. Terms, randomized election timeouts, RequestVote with the up-to-date rule,
// AppendEntries with the consistency check and conflict truncation, commit on a majority of the
// current term, a key-value state machine with request de-duplication, currentTerm / votedFor /
// log in ctx.durable with a disk-write latency before replies; optional pre-vote and
// check-quorum; reads through the log, by read index, or on a leader lease. Clients are
// redirected to the leader. Uses only the public model API.

import type { SystemModel } from '../../model/api.js';
import { createKvClient } from '../../model/kit/kv/kv-client.js';
import { KV_METRIC_NAMES, KV_TIMELINE_SERIES } from '../../model/kit/kv/kv-ledger.js';
import { distributionMeanUs } from '../../model/sampler.js';
import { parseRaftConfig, type RaftConfig } from './config.js';
import { RaftObserver } from './observer.js';
import { createRaftRouter } from './router.js';
import { createServer } from './server.js';

export const raftModel: SystemModel<RaftConfig, RaftObserver> = {
  name: 'raft',
  description: 'Raft consensus: leader election, log replication, a replicated key-value store.',

  metricNames: () => [
    ...KV_METRIC_NAMES,
    'retries',
    'redirects',
    'leader.elections',
    { name: 'raft.terms', unit: 'count' },
    { name: 'raft.split-votes', unit: 'count' },
    { histogram: 'leader.election-time', unit: 'ms' },
    { name: 'leader.unavailable-ms', unit: 'ms' },
    { histogram: 'raft.commit-latency', unit: 'ms' },
    { name: 'raft.entries-truncated', unit: 'count' },
  ],

  timelineSeries: () => KV_TIMELINE_SERIES,

  roleNames: ['leader', 'follower'],

  // `{ crash: { role: leader } }` hits whoever acts as leader when the fault fires.
  roles: (observer) => ({ leader: observer.actingLeaders(), follower: observer.followers() }),

  checkNames: () => ['linearizable', 'no-lost-writes', 'converged', 'election-safety', 'state-machine-safety'],

  parseConfig: parseRaftConfig,

  createShared: (config, setup) => new RaftObserver(setup, config.servers),

  createNode(ctx, config, observer) {
    if (config.workload.clients.includes(ctx.nodeName)) {
      return createKvClient(ctx, config.workload, observer.ledger, createRaftRouter(config, ctx.stream('router')));
    }
    if (config.servers.includes(ctx.nodeName)) return createServer(ctx, config, observer);
    return null;
  },

  outstanding: (observer) => observer.ledger.outstanding(),

  // Retries after timeouts, and elections in between (each up to the maximum timeout plus disk writes).
  drainLimitUs: (config) =>
    (config.workload.retries + 1) * config.workload.timeoutUs * 2 + 20 * (config.electionTimeoutMaxUs + distributionMeanUs(config.diskWrite)) + 1_000_000,

  startFinalReads: (observer) => observer.ledger.startFinalReads(),

  finish: (observer, metrics) => observer.finish(metrics),

  recordedFacts: (observer) => observer.facts(),
};
