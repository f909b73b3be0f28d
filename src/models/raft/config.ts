// Configuration of the raft model, read from `system:` (and the kv workload from `workload:`).
// Defaults are documented beside each field. Mistakes are located errors through the reader.

import { aliasedKey } from '../../model/config-aliases.js';
import type { ConfigReader } from '../../model/config-reader.js';
import type { ModelSections } from '../../model/api.js';
import type { DistributionSpec } from '../../model/distribution.js';
import { parseReplicationWorkload, type KvWorkloadConfig } from '../../model/kit/kv/kv-workload-config.js';

/**
 * How the leader serves a read: `log` appends it to the log like a write and answers once it is
 * applied; `read-index` notes the commit index, confirms with a round of heartbeats that a
 * majority still follows it, and answers once that index is applied (§8); `lease` answers at
 * once while a majority acknowledged its heartbeats within the minimum election timeout (less
 * the drift bound), measured on its own monotonic clock (§6.4.1 of Ongaro's thesis).
 */
export type ReadMode = 'log' | 'read-index' | 'lease';

export const READ_MODES: readonly ReadMode[] = ['log', 'read-index', 'lease'];

export interface RaftConfig {
  readonly servers: readonly string[];
  /** Each election timeout is drawn uniformly from [min, max] (default 150ms..300ms), afresh at every reset. */
  readonly electionTimeoutMinUs: number;
  readonly electionTimeoutMaxUs: number;
  /** The same range as a distribution, for ctx.sample. */
  readonly electionTimeout: DistributionSpec;
  /**
   * The leader's heartbeat (empty AppendEntries) interval; default 50ms, or half the minimum
   * election timeout when that is shorter. Must be below the minimum election timeout.
   */
  readonly heartbeatIntervalUs: number;
  /** Time to persist term, vote and entries before a reply may leave; default constant 5ms. */
  readonly diskWrite: DistributionSpec;
  /** A candidate first asks whether it could win, without bumping its term (default false). */
  readonly preVote: boolean;
  /**
   * A leader that has not heard from a majority within the minimum election timeout steps down,
   * and a server that heard from a leader within it refuses (pre-)votes, as in etcd (default false).
   */
  readonly checkQuorum: boolean;
  readonly reads: ReadMode;
  /**
   * `reads: lease`: the clock drift the lease allows for (a fraction; 1000ppm = 0.001): the lease
   * lasts the minimum election timeout times (1 - bound) on the leader's monotonic clock.
   */
  readonly leaseDriftBound: number;
  readonly workload: KvWorkloadConfig;
}

const DEFAULT_ELECTION_TIMEOUT_MIN_US = 150_000;
const DEFAULT_ELECTION_TIMEOUT_MAX_US = 300_000;

export function parseRaftConfig({ system, workload }: ModelSections): RaftConfig {
  const servers = system.nodeNames(aliasedKey(system, 'servers', ['replicas']));
  const { minUs, maxUs } = parseElectionTimeout(system);
  const heartbeatIntervalUs = system.duration('heartbeat', { default: Math.min(50_000, Math.max(1, Math.floor(minUs / 2))), min: 1 });
  if (system.has('heartbeat') && heartbeatIntervalUs >= minUs) {
    system.error('heartbeat', `the heartbeat (${heartbeatIntervalUs / 1000}ms) must be shorter than the minimum election timeout (${minUs / 1000}ms), or followers stand for election between heartbeats`, 'Raft wants heartbeat ≪ election timeout, e.g. heartbeat: 50ms with election-timeout: { min: 150ms, max: 300ms }');
  }
  const diskWrite = system.distribution('disk-write', { default: { kind: 'constant', valueUs: 5_000 } });
  const preVote = system.boolean('pre-vote', { default: false });
  const checkQuorum = system.boolean('check-quorum', { default: false });
  const reads = system.string('reads', { default: 'log', oneOf: READ_MODES }) as ReadMode;
  if (reads === 'lease' && !checkQuorum) {
    system.error('reads', 'lease reads need `check-quorum: true`: without it a server that heard from the leader a moment ago still votes for another, and the lease proves nothing', 'add check-quorum: true; etcd refuses the same combination');
  }
  const leaseDriftBound = system.ppm('lease-drift-bound', { default: 1000, min: 0, max: 500_000 }) / 1_000_000;
  const parsed = parseReplicationWorkload(workload, system);
  if (parsed.kind !== 'kv') workload?.error('kind', 'the raft model runs the kv workload', 'kind: kv');
  const kv = parsed.kind === 'kv' ? parsed : { ...parsed, kind: 'kv' as const, keyCount: 1, mix: { read: 1, write: 0, cas: 0 }, arrivalRatePerSecond: 0, concurrencyPerClient: null, retries: 0 };
  for (const client of kv.clients) {
    if (servers.includes(client)) workload?.error('clients', `node "${client}" cannot be both a client and a server`);
  }
  return {
    servers,
    electionTimeoutMinUs: minUs,
    electionTimeoutMaxUs: maxUs,
    electionTimeout: { kind: 'uniform', minUs, maxUs },
    heartbeatIntervalUs,
    diskWrite,
    preVote,
    checkQuorum,
    reads,
    leaseDriftBound,
    workload: kv,
  };
}

/** `election-timeout: { min: 150ms, max: 300ms }`; max may equal min (no randomness). */
function parseElectionTimeout(system: ConfigReader): { minUs: number; maxUs: number } {
  const section = system.section('election-timeout');
  if (section === null) return { minUs: DEFAULT_ELECTION_TIMEOUT_MIN_US, maxUs: DEFAULT_ELECTION_TIMEOUT_MAX_US };
  const minUs = section.duration('min', { default: DEFAULT_ELECTION_TIMEOUT_MIN_US, min: 1 });
  const maxUs = section.duration('max', { default: Math.max(minUs, DEFAULT_ELECTION_TIMEOUT_MAX_US), min: 1 });
  section.finish();
  if (maxUs < minUs) {
    section.error('max', `the maximum (${maxUs / 1000}ms) is below the minimum (${minUs / 1000}ms)`, 'write min first, then a max at least as large, e.g. { min: 150ms, max: 300ms }');
    return { minUs, maxUs: minUs };
  }
  return { minUs, maxUs };
}
