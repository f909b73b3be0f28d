// Configuration of the leaderless (Dynamo-style) model, read from `system:` and `workload:`.

import { aliasedKey } from '../../model/config-aliases.js';
import type { ModelSections } from '../../model/api.js';
import type { ConfigReader } from '../../model/config-reader.js';
import { parseReplicationWorkload, type ReplicationWorkloadConfig } from '../../model/kit/kv/kv-workload-config.js';

/**
 * How replicas choose between two writes of a key: `versions`, the coordinator's counter
 * (Lamport-updated from read replies) with its index; `lww`, last write wins by the timestamp the
 * writer's time-of-day clock put on it (Cassandra). See conflict.ts.
 */
export type ConflictMode = 'versions' | 'lww';
/** Whose clock stamps a write under `lww`: the coordinator that takes it, or the client that issues it. */
export type TimestampSource = 'coordinator' | 'client';

export interface LeaderlessConfig {
  /** Every storage node, in ring order. */
  readonly replicas: readonly string[];
  /** Replicas per key: all of them, or the n nodes from the key's place on the ring. */
  readonly n: number;
  /** Replies a read waits for. */
  readonly r: number;
  /** Acknowledgements a write waits for. */
  readonly w: number;
  /** The node that coordinates every request, or null: the client picks a replica at random. */
  readonly coordinator: string | null;
  /** After a read, the coordinator sends the newest value to replicas that answered with older ones. */
  readonly readRepair: boolean;
  /** Sloppy quorum: when home replicas do not answer within `sloppyAfterUs`, write to other nodes with a hint. */
  readonly sloppy: boolean;
  readonly sloppyAfterUs: number;
  /** How often a node holding hints tries to hand them to their home replica. */
  readonly handoffIntervalUs: number;
  /** Which of two writes of a key a replica keeps (default `versions`). */
  readonly conflict: ConflictMode;
  /** With `conflict: lww`, whose clock stamps a write (default `coordinator`); unused under `versions`. */
  readonly timestamps: TimestampSource;
  readonly workload: ReplicationWorkloadConfig;
}

export function parseLeaderlessConfig({ system, workload }: ModelSections): LeaderlessConfig {
  // nodeNames reports a missing key, an empty list and unknown names (then returns no names);
  // n is not bounded by an unknown count then (no second, misleading error).
  // `servers:` is an alias, as the other models name them.
  const replicas = system.nodeNames(aliasedKey(system, 'replicas', ['servers']), { description: 'every storage node, in ring order' });
  const count = replicas.length === 0 ? Number.MAX_SAFE_INTEGER : replicas.length;
  const n = system.number('n', { default: Math.max(1, replicas.length), min: 1, max: count, integer: true, description: 'replicas per key (default: all)' });
  const r = system.number('r', { default: Math.floor(n / 2) + 1, min: 1, max: n, integer: true, description: 'replies a read waits for (default: a majority of n)' });
  const w = system.number('w', { default: Math.floor(n / 2) + 1, min: 1, max: n, integer: true, description: 'acknowledgements a write waits for (default: a majority of n)' });
  const coordinator = system.has('coordinator') ? system.nodeName('coordinator', { description: 'the node that coordinates every request (default: the client picks a replica at random)' }) : null;
  const readRepair = system.boolean('read-repair', { default: true, description: 'after a read, send the newest value to replicas that answered with older ones' });
  const sloppy = system.boolean('sloppy', { default: false, description: 'sloppy quorum: write to stand-ins with a hint when home replicas do not answer' });
  const sloppyAfterUs = system.duration('sloppy-after', { default: 50_000, min: 1, description: 'how long to wait for home replicas before writing to stand-ins' });
  const handoffIntervalUs = system.duration('handoff-interval', { default: 500_000, min: 1, description: 'how often a node holding hints tries to hand them over' });
  const { conflict, timestamps } = parseConflict(system);
  if (sloppy && replicas.length > 0 && n >= replicas.length) {
    system.error('sloppy', `a sloppy quorum needs stand-ins outside a key's ${n} replicas, and there are ${replicas.length} in all`, 'place keys on fewer replicas than there are, e.g. n: 3 with 5 replicas');
  }
  const parsed = parseReplicationWorkload(workload, system);
  if (parsed.kind === 'kv' && parsed.mix.cas > 0) {
    workload?.error('mix', 'the leaderless model has no compare-and-set (no single node orders writes)', 'use mix: { read, write }');
  }
  for (const client of parsed.clients) {
    if (replicas.includes(client) || client === coordinator) workload?.error('clients', `node "${client}" cannot be both a client and a server`);
  }
  return { replicas, n, r, w, coordinator, readRepair, sloppy, sloppyAfterUs, handoffIntervalUs, conflict, timestamps, workload: parsed };
}

/**
 * `timestamps` is read under `versions` too, and then unused: so that `--set system.conflict=versions`
 * can compare a last-write-wins scenario with versions without editing the file.
 */
function parseConflict(system: ConfigReader): { conflict: ConflictMode; timestamps: TimestampSource } {
  const conflict = system.string('conflict', { default: 'versions', oneOf: ['versions', 'lww'], description: 'which of two writes a replica keeps: versions, or last write wins by timestamp' }) as ConflictMode;
  const timestamps = system.string('timestamps', { default: 'coordinator', oneOf: ['coordinator', 'client'], description: 'with conflict: lww, whose clock stamps a write' }) as TimestampSource;
  return { conflict, timestamps };
}

/** The replicas of a key: all when n covers them, else n consecutive nodes from the key's hash on the ring. */
export function homeReplicas(config: LeaderlessConfig, key: string): readonly string[] {
  return preferenceList(config, key).slice(0, config.n);
}

/**
 * Every replica in ring order from the key's place (Dynamo's preference list): the first n are
 * the key's home replicas, the rest its stand-ins under a sloppy quorum, nearest first.
 */
export function preferenceList(config: LeaderlessConfig, key: string): readonly string[] {
  const { replicas, n } = config;
  if (n >= replicas.length) return replicas;
  const start = hashKey(key) % replicas.length;
  return Array.from({ length: replicas.length }, (_, i) => replicas[(start + i) % replicas.length]!);
}

/** FNV-1a: a stable placement, independent of the run. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
