// A replica of the leader-follower model. The leader orders writes (versions (epoch, seq)),
// applies them, replicates them to every follower (retransmitting what is unacknowledged at each
// heartbeat) and acknowledges the client at once (async), after every follower (sync) or after
// `acks` followers (semi-sync). Followers apply what arrives, newest version wins. With automatic
// failover a follower that hears no heartbeat for the failover timeout asks the others for votes
// and becomes leader with a majority, refused by anyone more up to date than itself. With
// `fencing: epochs` replicas reject a stale epoch and an old leader that hears of a newer one steps
// down; without it, an old leader never learns and keeps taking writes. With `check-quorum` a
// leader that has not heard from a majority within the failover timeout steps down. The failure
// detection is a simple heartbeat timeout inside the model, or with `detector:` a failure detector
// of src/model/kit/detectors: every replica then probes every other (any of them may lead next, and a
// detector needs a history of its target) and a follower that suspects the leader it knows starts
// an election; a follower that knows no leader still waits the failover timeout for one.

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import { isKvRequest } from '../../model/kit/kv/kv-messages.js';
import { onClientRequest } from './client-requests.js';
import type { LeaderFollowerConfig } from './config.js';
import { considerElection, onVote, onVoteRequest, watchForFailover } from './election.js';
import { onAppend, onHeartbeat, onSnapshot } from './following.js';
import { checkQuorum, onStale } from './leadership.js';
import { isReplicaMessage, type ReplicaMessage } from './messages.js';
import type { LeaderFollowerObserver } from './observer.js';
import { startReplicaMonitor, withMonitor } from './replica-monitor.js';
import { broadcastHeartbeat, onAppendAck, onSyncRequest } from './replication.js';
import { createServerState, type ServerState } from './server-state.js';

// The state and the handlers live next door: server-state.ts, client-requests.ts, replication.ts
// (leader side), following.ts (follower side), leadership.ts and election.ts.

export function createServer(ctx: NodeContext, config: LeaderFollowerConfig, observer: LeaderFollowerObserver): NodeBehaviour {
  const state = createServerState(ctx, config, observer);
  state.monitor = startReplicaMonitor(ctx, config, observer, state.others, (target) => {
    if (target === state.leaderGuess) considerElection(state);
  });
  if (state.leading) {
    observer.setLeader(state.me, state.durable.epoch);
  } else if (!state.firstStart) {
    observer.setLeader(state.me, null);
  }
  tick(state);

  const onMessage = (from: string, message: unknown): void => {
    observer.tick();
    if (isKvRequest(message)) onClientRequest(state, from, message);
    else if (isReplicaMessage(message)) onReplicaMessage(state, from, message);
  };
  return withMonitor(ctx, state.monitor, onMessage);
}

/** Every heartbeat interval: check-quorum, then heartbeats from a leader or the failover watch of a follower. */
function tick(state: ServerState): void {
  state.observer.tick();
  checkQuorum(state);
  if (state.leading) broadcastHeartbeat(state);
  else watchForFailover(state);
  state.ctx.setTimer(state.config.heartbeatIntervalUs, () => tick(state));
}

function onReplicaMessage(state: ServerState, from: string, message: ReplicaMessage): void {
  switch (message.kind) {
    case 'lf.heartbeat':
      return onHeartbeat(state, from, message);
    case 'lf.append':
      return onAppend(state, from, message);
    case 'lf.append-ack':
      return onAppendAck(state, from, message);
    case 'lf.stale':
      return onStale(state, message);
    case 'lf.sync-request':
      return onSyncRequest(state, from);
    case 'lf.snapshot':
      return onSnapshot(state, message);
    case 'lf.vote-request':
      return onVoteRequest(state, from, message);
    case 'lf.vote':
      return onVote(state, from, message);
  }
}
