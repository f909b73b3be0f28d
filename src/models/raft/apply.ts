// Applying committed entries to the state machine, in log order (Figure 2: lastApplied follows
// commitIndex), on every server. The leader answers the client waiting for each entry (a read
// under `reads: log` gets the value read at that point of the log) and then its waiting reads.
// Every SNAPSHOT_INTERVAL_ENTRIES entries the state machine is checkpointed to disk.

import { serveReads } from './read-queue.js';
import { answerClient } from './replies.js';
import { maybeSnapshot, type ServerState } from './server-state.js';

export function applyCommitted(state: ServerState): void {
  const { log } = state.durable;
  while (state.lastApplied < state.commitIndex) {
    const index = state.lastApplied + 1;
    const entry = log.entryAt(index);
    const result = state.stateMachine.apply(entry.command);
    state.lastApplied = index;
    state.observer.applied(state.me, index, entry);
    const waiting = state.leader?.waiting.get(index);
    if (waiting !== undefined) {
      state.leader!.waiting.delete(index);
      answerClient(state, waiting.client, waiting.request, result);
    }
  }
  maybeSnapshot(state);
  serveReads(state);
}
