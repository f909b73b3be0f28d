// A node of the leaderless model: a replica (stores versioned values, keeps hints for others and
// hands them off), a coordinator (sends each client request to the key's N replicas and answers
// after the first W acknowledgements or R replies, the newest version winning; read repair; sloppy
// quorum), or both. A coordinator never learns which replicas are down: it only waits.

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import { isKvRequest } from '../../model/kit/kv/kv-messages.js';
import type { LeaderlessConfig } from './config.js';
import { coordinate, onReply } from './coordinator.js';
import { onHandoff, onHandoffAck, startHandoff } from './hinted-handoff.js';
import { isLeaderlessMessage, type LeaderlessMessage } from './messages.js';
import { createNodeState, type NodeState } from './node-state.js';
import type { LeaderlessObserver } from './observer.js';
import { onRead, onWrite } from './replica.js';

// The state and the handlers live next door: node-state.ts, coordinator.ts, quorum-reads.ts
// (with read repair), quorum-writes.ts (with the sloppy quorum), replica.ts and hinted-handoff.ts.

export function createLeaderlessNode(ctx: NodeContext, config: LeaderlessConfig, observer: LeaderlessObserver): NodeBehaviour {
  const state = createNodeState(ctx, config, observer);
  startHandoff(state);
  return {
    onMessage(from, message) {
      if (isKvRequest(message)) coordinate(state, from, message);
      else if (isLeaderlessMessage(message)) onLeaderlessMessage(state, from, message);
    },
  };
}

function onLeaderlessMessage(state: NodeState, from: string, message: LeaderlessMessage): void {
  switch (message.kind) {
    case 'll.write':
      return onWrite(state, from, message);
    case 'll.read':
      return onRead(state, from, message);
    case 'll.write-ack':
      return onReply(state, from, message.id, null);
    case 'll.read-reply':
      return onReply(state, from, message.id, message.item);
    case 'll.handoff':
      return onHandoff(state, from, message);
    case 'll.handoff-ack':
      return onHandoffAck(state, from, message);
  }
}
