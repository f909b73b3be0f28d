// What the simulator knows about requests and the clients cannot: carried alongside messages for
// measurement only (never read by a node to decide anything), and the classification of a
// failed attempt into its true cause.

import type { MessageTracker, TruthOracle } from '../../model/api.js';
import type { FailureCause } from '../../model/kit/failure-causes.js';

/** One logical request (all its attempts). */
export interface RequestTruth {
  executions: number;
}

export type ServerProgress = 'not-received' | 'queued' | 'executing' | 'done' | 'rejected';

/** One attempt: what happened to it at the server and to its response. */
export interface AttemptTruth {
  readonly server: string;
  progress: ServerProgress;
  /** The server's incarnation when it took the request; a crash since then lost the work. */
  serverIncarnation: number;
  responseTracker: MessageTracker | null;
}

export function classifyTimeout(
  requestTracker: MessageTracker,
  attempt: AttemptTruth,
  oracle: TruthOracle,
): FailureCause {
  switch (requestTracker.fate) {
    case 'lost':
      return 'request-lost';
    case 'unreachable':
      return 'unreachable';
    case 'dropped-at-crashed-node':
    case 'refused':
      return 'server-crashed';
    case 'held-at-paused-node':
      return 'server-paused';
    case 'in-flight':
      return 'delayed';
    case 'delivered':
      break;
  }
  switch (attempt.progress) {
    case 'not-received':
      // Delivered but not yet seen by the model cannot happen; treat as delay.
      return 'delayed';
    case 'queued':
    case 'executing':
      if (oracle.incarnation(attempt.server) !== attempt.serverIncarnation || oracle.status(attempt.server) === 'down') {
        return 'server-crashed';
      }
      return oracle.status(attempt.server) === 'paused' ? 'server-paused' : 'queued-past-timeout';
    case 'rejected':
      return 'rejected';
    case 'done':
      break;
  }
  switch (attempt.responseTracker?.fate) {
    case 'lost':
      return 'response-lost';
    case 'unreachable':
      return 'unreachable';
    default:
      return 'delayed';
  }
}
