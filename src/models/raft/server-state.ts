// Everything one Raft server knows, in one plain object: what survives a crash (currentTerm,
// votedFor and the log, in ctx.durable), and the volatile rest — its role, the leader it
// follows, commit and apply positions, the state machine, its election timer, a running
// election, and (while leading) the replication and read bookkeeping. The handlers in this folder
// take it as their first argument; createServerState builds it as the server starts.

import type { NodeContext, TimerHandle } from '../../model/api.js';
import type { KvRequest } from '../../model/kit/kv/kv-messages.js';
import type { RaftConfig } from './config.js';
import { Disk } from './disk.js';
import { RaftLog } from './log.js';
import type { RaftObserver } from './observer.js';
import { KvStateMachine, type StateMachineSnapshot } from './state-machine.js';

/** What a Raft server keeps on disk (Figure 2's persistent state), plus a start counter. */
export interface RaftDurable {
  currentTerm: number;
  votedFor: string | null;
  log: RaftLog;
  /** Starts so far (first start 1): names this incarnation's random streams. */
  starts: number;
  /** The state machine as of a committed index, saved every SNAPSHOT_INTERVAL_ENTRIES applied entries. */
  snapshot: StateMachineSnapshot | null;
}

/** Applied entries between two snapshots of the state machine. */
export const SNAPSHOT_INTERVAL_ENTRIES = 1000;

export type RaftRole = 'follower' | 'pre-candidate' | 'candidate' | 'leader';

/** An election (or pre-vote round) this server runs as candidate. */
export interface Election {
  readonly term: number;
  readonly preVote: boolean;
  /** Servers that granted their vote; this server's own counts once its disk write is done. */
  readonly votes: Set<string>;
}

/** A client read waiting for the leader to confirm its leadership (read-index) and to apply up to `readIndex`. */
export interface PendingRead {
  readonly client: string;
  readonly request: KvRequest;
  /** The commit index when the read arrived: the answer must reflect at least this much. */
  readonly readIndex: number;
  /** Acknowledgements of AppendEntries sent at or after this (leader's monotonic clock) prove leadership. */
  readonly confirmFromUs: number;
  confirmed: boolean;
}

/** What only a leader keeps, for its term (Figure 2's volatile leader state, and more). */
export interface LeaderState {
  /** Per follower: the next entry to send (optimistic: advanced as entries are sent). */
  readonly nextIndex: Map<string, number>;
  /** Per follower: the highest entry known to match the leader's log. */
  readonly matchIndex: Map<string, number>;
  /** Per follower: when (leader's monotonic clock) its matchIndex last advanced, or entries were first sent to it idle: a heartbeat resends what stayed unacknowledged a whole interval. */
  readonly progressUs: Map<string, number>;
  /** The index of the no-op this leader appended as its term began: reads wait for it to commit. */
  termStartIndex: number;
  /** The leader's own log is on its disk up to here (it counts towards a majority only so far). */
  persistedIndex: number;
  /** Per follower: the latest send time (leader's monotonic clock) of an AppendEntries it answered in this term. */
  readonly ackedSentUs: Map<string, number>;
  /** Per follower: when (leader's monotonic clock) it last answered, for check-quorum. */
  readonly lastAnswerUs: Map<string, number>;
  /** Client requests waiting for their entry to be applied, by log index. */
  readonly waiting: Map<number, { readonly client: string; readonly request: KvRequest }>;
  readonly pendingReads: PendingRead[];
  /** A heartbeat round for reads is scheduled (reads arriving meanwhile share it). */
  readRoundScheduled: boolean;
  heartbeatTimer: TimerHandle | null;
}

export interface ServerState {
  readonly ctx: NodeContext;
  readonly config: RaftConfig;
  readonly observer: RaftObserver;
  readonly me: string;
  readonly others: readonly string[];
  /** Votes (or matching logs) that make a majority of the servers. */
  readonly majority: number;
  readonly durable: RaftDurable;
  readonly disk: Disk;
  readonly stateMachine: KvStateMachine;
  role: RaftRole;
  /** The leader this server follows in its current term (itself while leading), if it knows one. */
  leaderId: string | null;
  /** When (monotonic) this server last heard from the leader of its term; null: never in this incarnation. */
  lastLeaderContactUs: number | null;
  commitIndex: number;
  lastApplied: number;
  /** The election timer: when it is due (monotonic), and the timer that checks it. */
  electionDeadlineUs: number;
  electionTimer: TimerHandle | null;
  electionTimerDueUs: number;
  election: Election | null;
  leader: LeaderState | null;
  /** What the election timer does when it runs out (stand for election; wired in server.ts). */
  onElectionTimeout: () => void;
}

/** Loads (or on first start creates) the durable state and builds the server's state around it. */
export function createServerState(ctx: NodeContext, config: RaftConfig, observer: RaftObserver): ServerState {
  const me = ctx.nodeName;
  const durable = loadDurable(ctx);
  return {
    ctx,
    config,
    observer,
    me,
    others: config.servers.filter((server) => server !== me),
    majority: Math.floor(config.servers.length / 2) + 1,
    durable,
    disk: new Disk(ctx, config.diskWrite, ctx.stream(`disk/${durable.starts}`)),
    // A restarted server starts from its last snapshot: everything up to it was committed.
    stateMachine: new KvStateMachine(durable.snapshot),
    role: 'follower',
    leaderId: null,
    lastLeaderContactUs: null,
    commitIndex: durable.snapshot?.index ?? 0,
    lastApplied: durable.snapshot?.index ?? 0,
    electionDeadlineUs: 0,
    electionTimer: null,
    electionTimerDueUs: Infinity,
    election: null,
    leader: null,
    onElectionTimeout: () => {},
  };
}

function loadDurable(ctx: NodeContext): RaftDurable {
  const durable: RaftDurable = {
    currentTerm: (ctx.durable.get('currentTerm') as number | undefined) ?? 0,
    votedFor: (ctx.durable.get('votedFor') as string | null | undefined) ?? null,
    log: (ctx.durable.get('log') as RaftLog | undefined) ?? new RaftLog(),
    starts: ((ctx.durable.get('starts') as number | undefined) ?? 0) + 1,
    snapshot: (ctx.durable.get('snapshot') as StateMachineSnapshot | undefined) ?? null,
  };
  ctx.durable.set('log', durable.log);
  ctx.durable.set('starts', durable.starts);
  return durable;
}

/** Saves a snapshot of the state machine when enough entries were applied since the last one. */
export function maybeSnapshot(state: ServerState): void {
  const lastIndex = state.durable.snapshot?.index ?? 0;
  if (state.lastApplied - lastIndex < SNAPSHOT_INTERVAL_ENTRIES) return;
  state.durable.snapshot = state.stateMachine.snapshot(state.lastApplied);
  state.ctx.durable.set('snapshot', state.durable.snapshot);
}

/** Persists term and vote (the log is persisted by reference: it lives in ctx.durable). */
export function saveTermAndVote(state: ServerState, term: number, votedFor: string | null): void {
  state.durable.currentTerm = term;
  state.durable.votedFor = votedFor;
  state.ctx.durable.set('currentTerm', term);
  state.ctx.durable.set('votedFor', votedFor);
}
