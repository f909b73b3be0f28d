// A Raft server: starts as a follower with its election timer running (after a restart with the
// term, vote and log it kept on disk, and an empty state machine that it rebuilds as it learns
// the commit index), and dispatches messages: client requests (client-requests.ts), elections
// (election.ts), replication as leader (replication.ts) and as follower (following.ts).

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import { isKvRequest } from '../../model/kit/kv/kv-messages.js';
import { onClientRequest } from './client-requests.js';
import type { RaftConfig } from './config.js';
import { onRequestVote, onVote, startElection } from './election.js';
import { onAppendEntries } from './following.js';
import { isRaftMessage, type RaftMessage } from './messages.js';
import type { RaftObserver } from './observer.js';
import { onAppendReply } from './replication.js';
import { createServerState, type ServerState } from './server-state.js';
import { resetElectionTimer } from './timer.js';

export function createServer(ctx: NodeContext, config: RaftConfig, observer: RaftObserver): NodeBehaviour {
  const state = createServerState(ctx, config, observer);
  state.onElectionTimeout = () => startElection(state);
  observer.serverStarted(state.me, state.durable.currentTerm, () => state.stateMachine.contents());
  resetElectionTimer(state);
  return {
    onMessage(from, message) {
      if (isKvRequest(message)) onClientRequest(state, from, message);
      else if (isRaftMessage(message)) onRaftMessage(state, from, message);
    },
  };
}

function onRaftMessage(state: ServerState, from: string, message: RaftMessage): void {
  switch (message.kind) {
    case 'raft.request-vote':
      return onRequestVote(state, from, message);
    case 'raft.vote':
      return onVote(state, from, message);
    case 'raft.append-entries':
      return onAppendEntries(state, from, message);
    case 'raft.append-reply':
      return onAppendReply(state, from, message);
  }
}
