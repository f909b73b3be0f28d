// Configuration of the leader-follower model, read from `system:` (and the kv workload from
// `workload:`). Defaults are documented beside each field.

import { aliasedKey } from '../../model/config-aliases.js';
import { parseDetectorConfig, type DetectorConfig } from '../../model/kit/detectors/detector-config.js';
import type { ModelSections } from '../../model/api.js';
import type { DistributionSpec } from '../../model/distribution.js';
import { parseReplicationWorkload, type KvWorkloadConfig } from '../../model/kit/kv/kv-workload-config.js';

export type ReplicationMode = 'sync' | 'async' | 'semi-sync';
export type FailoverMode = 'manual' | 'automatic';
export type ReadTarget = 'leader' | 'any';
export type FencingMode = 'none' | 'epochs';

export interface LeaderFollowerConfig {
  /** Every replica; the first is the leader at the start. */
  readonly servers: readonly string[];
  /** async: acknowledge at once; sync: after every follower; semi-sync: after `acks` followers. */
  readonly replication: ReplicationMode;
  /** Follower acknowledgements a semi-sync leader waits for (default 1). */
  readonly semiSyncAcks: number;
  /** manual: nobody promotes a follower (the operator is asleep); automatic: followers elect one. */
  readonly failover: FailoverMode;
  /** A follower that hears no heartbeat for this long (plus up to 50% jitter) starts an election. */
  readonly failoverTimeoutUs: number;
  /** The leader's heartbeat (and retransmission) interval. */
  readonly heartbeatIntervalUs: number;
  /**
   * How followers find a failed leader. Null (default): the built-in timeout above, on the
   * leader's heartbeats. Otherwise every replica probes every other with this failure detector
   * and a follower that suspects the leader it knows starts an election; `failoverTimeoutUs` then
   * only bounds an election round and how long a follower that knows no leader waits for one.
   */
  readonly detector: DetectorConfig | null;
  /** Where clients send reads: the leader, or any replica (which answers from its own copy). */
  readonly reads: ReadTarget;
  /** epochs: replicas reject a stale epoch and an old leader that learns a newer one steps down. */
  readonly fencing: FencingMode;
  /**
   * A leader that has not heard from a majority (itself included) for the failover timeout steps
   * down (Raft's check-quorum): a leader cut off in a minority stops serving. Followers then
   * answer heartbeats. Default false.
   */
  readonly checkQuorum: boolean;
  /**
   * How long after applying a write the leader ships it to the followers (a binlog shipped in
   * batches; replication lag beyond the network). Default 0.
   */
  readonly replicationDelay: DistributionSpec;
  readonly workload: KvWorkloadConfig;
}

export function parseLeaderFollowerConfig({ system, workload }: ModelSections): LeaderFollowerConfig {
  // nodeNames reports a missing key, an empty list and unknown names (then returns no names).
  // `replicas:` is an alias, as leaderless names them.
  const servers = system.nodeNames(aliasedKey(system, 'servers', ['replicas']), { description: 'every replica; the first leads at the start' });
  const replication = system.string('replication', { default: 'async', oneOf: ['sync', 'async', 'semi-sync'], description: 'async: acknowledge at once; sync: after every follower; semi-sync: after `acks` followers' }) as ReplicationMode;
  // No upper bound while the servers are unknown (already reported): no second, misleading error.
  const acksMax = servers.length === 0 ? Number.MAX_SAFE_INTEGER : Math.max(1, servers.length - 1);
  const semiSyncAcks = system.number('acks', { default: 1, min: 1, max: acksMax, integer: true, description: 'follower acknowledgements a semi-sync leader waits for' });
  const failover = system.string('failover', { default: 'automatic', oneOf: ['manual', 'automatic'], description: 'manual: nobody promotes a follower; automatic: followers elect one' }) as FailoverMode;
  const failoverTimeoutUs = system.duration('failover-timeout', { default: 1_000_000, min: 1, description: 'a follower that hears no heartbeat this long (plus up to 50% jitter) starts an election' });
  const heartbeatIntervalUs = system.duration('heartbeat', { default: 100_000, min: 1, description: 'the leader heartbeat (and retransmission) interval' });
  const detectorSection = system.section('detector', { description: 'a failure detector instead of the built-in heartbeat timeout' });
  const detector = detectorSection ? parseDetectorConfig(detectorSection) : null;
  const reads = system.string('reads', { default: 'leader', oneOf: ['leader', 'any'], description: 'where clients send reads' }) as ReadTarget;
  const fencing = system.string('fencing', { default: 'none', oneOf: ['none', 'epochs'], description: 'epochs: replicas reject a stale epoch and an old leader steps down' }) as FencingMode;
  const checkQuorum = system.boolean('check-quorum', { default: false, description: 'a leader cut off from a majority for the failover timeout steps down (Raft check-quorum)' });
  const replicationDelay = system.distribution('replication-delay', { default: { kind: 'constant', valueUs: 0 }, description: 'how long after applying a write the leader ships it to followers' });
  const parsed = parseReplicationWorkload(workload, system);
  if (parsed.kind !== 'kv') workload?.error('kind', 'the leader-follower model runs the kv workload', 'kind: kv');
  const kv = parsed.kind === 'kv' ? parsed : { ...parsed, kind: 'kv' as const, keyCount: 1, mix: { read: 1, write: 0, cas: 0 }, arrivalRatePerSecond: 0, concurrencyPerClient: null, retries: 0 };
  for (const client of kv.clients) {
    if (servers.includes(client)) workload?.error('clients', `node "${client}" cannot be both a client and a server`);
  }
  return {
    servers,
    replication,
    semiSyncAcks,
    failover,
    failoverTimeoutUs,
    heartbeatIntervalUs,
    detector,
    reads,
    fencing,
    checkQuorum,
    replicationDelay,
    workload: kv,
  };
}
