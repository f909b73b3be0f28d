// Everything one leaderless node keeps, in one plain object: its disk (store and hints, which
// survive a crash), the version counter, and the requests it coordinates. Also the few helpers
// the coordinator and replica handlers share: sending, answering a client, tracking versions.

import type { NodeContext } from '../../model/api.js';
import type { KvRequest, KvResponse } from '../../model/kit/kv/kv-messages.js';
import type { LeaderlessConfig } from './config.js';
import { VERSION_STRIDE, versionCounter } from './conflict.js';
import type { LeaderlessMessage, Versioned } from './messages.js';
import type { LeaderlessObserver } from './observer.js';

export interface ReplicaDisk {
  readonly store: Map<string, Versioned>;
  /** Writes held for an unreachable home replica: home -> key -> value. */
  readonly hints: Map<string, Map<string, Versioned>>;
}

/** A client request this node coordinates. */
export interface CoordinatedRequest {
  readonly client: string;
  readonly request: KvRequest;
  readonly home: readonly string[];
  readonly replied: Map<string, Versioned | null>;
  answered: boolean;
  /** Nodes asked (home replicas, then fallbacks). */
  readonly asked: Set<string>;
}

export interface NodeState {
  readonly ctx: NodeContext;
  readonly config: LeaderlessConfig;
  /** For measurement only: told of every write this node versions. */
  readonly observer: LeaderlessObserver;
  readonly me: string;
  readonly isReplica: boolean;
  readonly coordinatorIndex: number;
  readonly store: Map<string, Versioned>;
  readonly hints: Map<string, Map<string, Versioned>>;
  /** The highest version counter seen or issued (on disk as `ll.counter`). */
  counter: number;
  /** Coordinated requests by id, until no reply can matter. */
  readonly requests: Map<number, CoordinatedRequest>;
  nextId: number;
}

export function createNodeState(ctx: NodeContext, config: LeaderlessConfig, observer: LeaderlessObserver): NodeState {
  const me = ctx.nodeName;
  const isReplica = config.replicas.includes(me);
  const coordinatorIndex = ctx.nodeIndex(me);
  const { store, hints } = loadDisk(ctx);
  if (isReplica) observer.registerStore(me, () => [...store.keys()].sort().map((key) => [key, store.get(key)!.value]));
  const counter = (ctx.durable.get('ll.counter') as number | undefined) ?? 0;
  return { ctx, config, observer, me, isReplica, coordinatorIndex, store, hints, counter, requests: new Map(), nextId: 1 };
}

function loadDisk(ctx: NodeContext): ReplicaDisk {
  const stored = ctx.durable.get('ll.disk') as ReplicaDisk | undefined;
  if (stored !== undefined) return stored;
  const disk: ReplicaDisk = { store: new Map(), hints: new Map() };
  ctx.durable.set('ll.disk', disk);
  return disk;
}

export function send(state: NodeState, to: string, message: LeaderlessMessage): void {
  state.ctx.send(to, message);
}

export function answer(state: NodeState, entry: CoordinatedRequest, response: Omit<KvResponse, 'kind' | 'requestId'>): void {
  entry.answered = true;
  state.ctx.send(entry.client, { kind: 'kv.response', requestId: entry.request.requestId, ...response } satisfies KvResponse);
}

/** A version seen in a reply: later writes of this coordinator get a higher counter. */
export function noteVersionSeen(state: NodeState, version: number): void {
  state.counter = Math.max(state.counter, versionCounter(version));
  state.ctx.durable.set('ll.counter', state.counter);
}

/** A fresh version for a write this node coordinates. */
export function nextWriteVersion(state: NodeState): number {
  state.counter++;
  state.ctx.durable.set('ll.counter', state.counter);
  return state.counter * VERSION_STRIDE + state.coordinatorIndex;
}
