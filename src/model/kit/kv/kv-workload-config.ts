// The `workload:` section of the replication models: `kind: kv` (random reads, writes and
// compare-and-sets over a set of keys, open or closed loop) or `kind: t-visibility` (PBS probes:
// write a fresh key, read it `gap` after the write was acknowledged). Read through ConfigReader so
// mistakes are located errors. Must not depend on the simulator.

import type { ConfigReader } from '../../config-reader.js';

export interface KvWorkloadConfig {
  readonly kind: 'kv';
  readonly clients: readonly string[];
  /** Keys are named k1..kN. */
  readonly keyCount: number;
  /** Fractions of reads, writes and cas (normalized to sum 1). */
  readonly mix: { readonly read: number; readonly write: number; readonly cas: number };
  /** Open loop: Poisson arrivals at this total rate, split over the clients. */
  readonly arrivalRatePerSecond: number | null;
  /** Closed loop: this many operations outstanding per client. */
  readonly concurrencyPerClient: number | null;
  readonly timeoutUs: number;
  /** Attempts after a timeout (a retried write may take effect twice). */
  readonly retries: number;
}

export interface VisibilityWorkloadConfig {
  readonly kind: 't-visibility';
  readonly clients: readonly string[];
  /** Time from the write's acknowledgement to the read. */
  readonly gapUs: number;
  /** Probes in all, split over the clients; each client runs its probes one after another. */
  readonly probeCount: number;
  readonly timeoutUs: number;
}

export type ReplicationWorkloadConfig = KvWorkloadConfig | VisibilityWorkloadConfig;

const WORKLOAD_KINDS = ['kv', 't-visibility'];

export const KEY_COUNT_MAX = 100_000;
export const PROBE_COUNT_MAX = 10_000_000;

export function parseReplicationWorkload(workload: ConfigReader | null, system: ConfigReader): ReplicationWorkloadConfig {
  if (workload === null) {
    system.error(null, 'this model needs a `workload:` section', 'add workload: { kind: kv, clients: [client], keys: 5, rate: 100/s }');
    return emptyKvWorkload();
  }
  const kind = workload.string('kind', { default: 'kv', oneOf: WORKLOAD_KINDS, description: 'kv: random reads, writes and cas; t-visibility: PBS probes' });
  const clients = workload.nodeNames('clients', { description: 'the nodes that issue operations' });
  const timeoutUs = workload.duration('timeout', { default: 1_000_000, min: 1, description: 'a client gives up on an operation after this' });
  // An unknown kind is reported; checking the kv keys against it would only add noise.
  if (workload.has('kind') && !WORKLOAD_KINDS.includes(String(workload.raw('kind')))) {
    for (const key of ['keys', 'mix', 'rate', 'concurrency', 'retries', 'gap', 'probes']) workload.raw(key);
    return { ...emptyKvWorkload(), clients, timeoutUs };
  }
  if (kind === 't-visibility') {
    const gapUs = workload.duration('gap', { default: 0, min: 0, description: 'time from a write being acknowledged to the probe read' });
    const probeCount = workload.number('probes', { default: 10_000, min: 1, max: PROBE_COUNT_MAX, integer: true, description: 'probes in all, split over the clients' });
    return { kind: 't-visibility', clients, gapUs, probeCount, timeoutUs };
  }
  const keyCount = workload.number('keys', { default: 5, min: 1, max: KEY_COUNT_MAX, integer: true, description: 'keys k1..kN' });
  const mix = parseMix(workload);
  const hasRate = workload.has('rate');
  if (hasRate === workload.has('concurrency')) {
    workload.error(null, 'give exactly one of `rate` (open loop) and `concurrency` (closed loop, per client)', 'e.g. rate: 100/s');
  }
  const arrivalRatePerSecond = hasRate ? workload.ratePerSecond('rate', { min: 0, max: 1_000_000, description: 'open loop: Poisson arrivals at this total rate (give rate or concurrency)' }) : null;
  const concurrencyPerClient = workload.has('concurrency')
    ? workload.number('concurrency', { min: 1, max: 10_000, integer: true, description: 'closed loop: operations outstanding per client (give rate or concurrency)' })
    : null;
  const retries = workload.number('retries', { default: 0, min: 0, max: 100, integer: true, description: 'attempts after a timeout (a retried write may take effect twice)' });
  return { kind: 'kv', clients, keyCount, mix, arrivalRatePerSecond, concurrencyPerClient, timeoutUs, retries };
}

function parseMix(workload: ConfigReader): KvWorkloadConfig['mix'] {
  const section = workload.section('mix', { description: 'shares of read, write and cas (normalized); default half reads, half writes' });
  if (section === null) return { read: 0.5, write: 0.5, cas: 0 };
  const read = section.number('read', { default: 0, min: 0 });
  const write = section.number('write', { default: 0, min: 0 });
  const cas = section.number('cas', { default: 0, min: 0 });
  section.finish();
  const total = read + write + cas;
  if (total <= 0) {
    workload.error('mix', 'the mix needs a positive share of read, write or cas', 'e.g. mix: { read: 0.5, write: 0.4, cas: 0.1 }');
    return { read: 0.5, write: 0.5, cas: 0 };
  }
  return { read: read / total, write: write / total, cas: cas / total };
}

function emptyKvWorkload(): KvWorkloadConfig {
  return {
    kind: 'kv',
    clients: [],
    keyCount: 1,
    mix: { read: 0.5, write: 0.5, cas: 0 },
    arrivalRatePerSecond: 0,
    concurrencyPerClient: null,
    timeoutUs: 1_000_000,
    retries: 0,
  };
}

export function keyName(index: number): string {
  return `k${index + 1}`;
}
