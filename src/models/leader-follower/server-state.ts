// Everything one leader-follower replica knows, in one plain object: what survives a crash (on
// disk), its view of the leader, the replication and election bookkeeping. The handlers in this
// folder take it as their first argument; createServerState builds it as the replica starts.

import type { NodeContext, RandomStream, TimerHandle } from '../../model/api.js';
import type { Monitor } from '../../model/kit/detectors/monitor.js';
import type { KvResponse } from '../../model/kit/kv/kv-messages.js';
import { compileSampler, type Sampler } from '../../model/sampler.js';
import type { LeaderFollowerConfig } from './config.js';
import type { Entry } from './messages.js';
import type { LeaderFollowerObserver } from './observer.js';
import { ReplicaStore } from './replica-store.js';

/** What survives a crash: the data, the epoch and the vote (on disk). */
export interface DurableState {
  readonly store: ReplicaStore;
  epoch: number;
  votedEpoch: number;
  seq: number;
  wasLeader: boolean;
}

/** A write the leader applied and waits to acknowledge until enough followers have it. */
export interface PendingWrite {
  readonly entry: Entry;
  readonly client: string;
  readonly response: KvResponse;
  readonly acked: Set<string>;
}

/** An entry sent to one follower and not yet acknowledged by it. */
export interface UnackedEntry {
  readonly entry: Entry;
  sentUs: number;
}

/** An election this replica runs as candidate. */
export interface Election {
  readonly epoch: number;
  readonly votes: Set<string>;
  readonly timer: TimerHandle;
}

export interface ServerState {
  readonly ctx: NodeContext;
  readonly config: LeaderFollowerConfig;
  readonly observer: LeaderFollowerObserver;
  readonly me: string;
  readonly others: readonly string[];
  readonly majority: number;
  readonly fencing: boolean;
  readonly replicationDelay: Sampler;
  readonly delayStream: RandomStream;
  /** Randomizes election timeouts and attempts. */
  readonly jitter: RandomStream;
  readonly durable: DurableState;
  /** True when this replica started for the first time (not a restart). */
  readonly firstStart: boolean;
  leading: boolean;
  leaderGuess: string | null;
  lastHeardUs: number;
  /** The highest epoch a candidate asked this replica's vote for (its next election goes above it). */
  epochSeen: number;
  /** Per follower: its unacknowledged entries by seq. */
  readonly unacked: Map<string, Map<number, UnackedEntry>>;
  /** Writes waiting for follower acknowledgements, by seq. */
  readonly pending: Map<number, PendingWrite>;
  election: Election | null;
  /** Detector mode: a scheduled election start (see considerElection). */
  electionAttempt: TimerHandle | null;
  /** check-quorum: when each follower last answered this leader (in its current epoch). */
  readonly lastAnsweredUs: Map<string, number>;
  /** Follower acknowledgements a write needs before the client hears of it. */
  readonly requiredAcks: number;
  /** Detector mode: the failure detector watching the other replicas (null without one). */
  monitor: Monitor | null;
}

/** Loads (or on first start creates) the durable state and builds the replica's state around it. */
export function createServerState(ctx: NodeContext, config: LeaderFollowerConfig, observer: LeaderFollowerObserver): ServerState {
  const me = ctx.nodeName;
  const others = config.servers.filter((server) => server !== me);
  const majority = Math.floor(config.servers.length / 2) + 1;
  const fencing = config.fencing === 'epochs';
  const replicationDelay = compileSampler(config.replicationDelay);
  const delayStream = ctx.stream('replication-delay');
  const jitter = ctx.stream('election');
  const { durable, firstStart } = loadDurableState(ctx, config);
  observer.registerStore(me, durable.store);
  // A restarted leader leads again only when nobody else could have been promoted.
  const leading = durable.wasLeader && (firstStart || config.failover === 'manual');
  return {
    ctx, config, observer, me, others, majority, fencing, replicationDelay, delayStream, jitter, durable, firstStart,
    leading,
    leaderGuess: leading ? me : firstStart ? config.servers[0]! : null,
    lastHeardUs: ctx.monotonicUs(),
    epochSeen: 0,
    unacked: new Map<string, Map<number, UnackedEntry>>(others.map((o) => [o, new Map()])),
    pending: new Map<number, PendingWrite>(),
    election: null,
    electionAttempt: null,
    lastAnsweredUs: new Map<string, number>(others.map((follower) => [follower, ctx.monotonicUs()])),
    requiredAcks: requiredAcks(config, others.length),
    monitor: null,
  };
}

function loadDurableState(ctx: NodeContext, config: LeaderFollowerConfig): { durable: DurableState; firstStart: boolean } {
  const stored = ctx.durable.get('lf.state') as DurableState | undefined;
  if (stored !== undefined) return { durable: stored, firstStart: false };
  const durable: DurableState = { store: new ReplicaStore(), epoch: 1, votedEpoch: 1, seq: 0, wasLeader: ctx.nodeName === config.servers[0] };
  ctx.durable.set('lf.state', durable);
  return { durable, firstStart: true };
}

function requiredAcks(config: LeaderFollowerConfig, followerCount: number): number {
  if (config.replication === 'async') return 0;
  if (config.replication === 'sync') return followerCount;
  return Math.min(config.semiSyncAcks, followerCount);
}
