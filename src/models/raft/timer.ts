// The election timer of a server: a deadline on its monotonic clock, drawn afresh from the
// election timeout range at every reset (on start, on granting a vote, on hearing the leader, on
// standing for election), with one pending timer that re-checks it. When it runs out the server
// stands for election (state.onElectionTimeout, wired in server.ts).

import type { ServerState } from './server-state.js';

/** Timer callbacks may run this much before the deadline they were set for (rounding to whole µs). */
const TIMER_SLACK_US = 1;

/** Restarts the election timer with a fresh draw from the election timeout range. */
export function resetElectionTimer(state: ServerState): void {
  const timeoutUs = state.ctx.sample(state.config.electionTimeout);
  state.electionDeadlineUs = state.ctx.monotonicUs() + timeoutUs;
  armElectionTimer(state);
}

/**
 * One timer checks the deadline: moving the deadline later needs no new timer (the pending one
 * re-arms when it finds the deadline not reached); an earlier deadline replaces it.
 */
function armElectionTimer(state: ServerState): void {
  if (state.electionTimer !== null && state.electionTimerDueUs <= state.electionDeadlineUs) return;
  if (state.electionTimer !== null) state.ctx.cancelTimer(state.electionTimer);
  state.electionTimerDueUs = state.electionDeadlineUs;
  const delayUs = Math.max(0, state.electionDeadlineUs - state.ctx.monotonicUs());
  state.electionTimer = state.ctx.setTimer(delayUs, () => onElectionTimer(state));
}

function onElectionTimer(state: ServerState): void {
  state.electionTimer = null;
  state.electionTimerDueUs = Infinity;
  if (state.role === 'leader') return; // a leader has no election timer; stepping down resets it
  if (state.ctx.monotonicUs() < state.electionDeadlineUs - TIMER_SLACK_US) {
    armElectionTimer(state);
    return;
  }
  state.onElectionTimeout();
}
