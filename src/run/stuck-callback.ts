// Telling, from a run's heartbeat (src/sim/callback-heartbeat.ts) polled every few hundred
// milliseconds, that one model callback has been running for longer than limits.callback-wall of
// wall time, and saying so: which callback, on which node, at what simulated time. Pure: the
// caller passes the wall-clock reading; `ddsim run`'s watchdog and the sweep's worker pool both
// poll with it and stop the run their own way.

import { formatDuration } from '../model/describe.js';
import type { HeartbeatSnapshot } from '../sim/callback-heartbeat.js';

/** How often watchdogs read a heartbeat: a hung callback is stopped at most this late. */
export const HEARTBEAT_POLL_MS = 250;

export class StuckCallbackDetector {
  private sequence: number | null = null;
  private sinceMs = 0;

  /**
   * One reading. True when the same callback (no model code entered since) was running at every
   * reading for at least the run's wall-time limit: it has run at least that long.
   */
  observe(snapshot: HeartbeatSnapshot, nowMs: number): boolean {
    if (snapshot.callback === null || snapshot.wallLimitMs <= 0) {
      this.sequence = null;
      return false;
    }
    if (snapshot.sequence !== this.sequence) {
      this.sequence = snapshot.sequence;
      this.sinceMs = nowMs;
      return false;
    }
    return nowMs - this.sinceMs >= snapshot.wallLimitMs;
  }
}

/** The error message for a hung callback, after `<file>: ` (same form as a model that threw). */
export function stuckCallbackMessage(snapshot: HeartbeatSnapshot): string {
  const on = snapshot.node === null ? '' : ` on node ${snapshot.node}`;
  const limit = formatDuration(snapshot.wallLimitMs * 1000);
  return (
    `the system model's ${describeCallback(snapshot)}${on} at simulated time ${(snapshot.nowUs / 1e6).toFixed(6)}s ` +
    `has not returned after ${limit} of wall time (limits.callback-wall: ${limit}): an endless loop? ` +
    'If it is only slow, raise limits.callback-wall'
  );
}

function describeCallback({ callback, label }: HeartbeatSnapshot): string {
  const quoted = label === null ? null : `\`${label}\``;
  switch (callback) {
    case 'onMessage':
    case 'onRefused':
      return quoted === null ? callback : `${callback} of a ${quoted} message`;
    case 'timer':
      return quoted === null ? 'timer callback' : `timer callback ${quoted}`;
    case 'createNode':
      return 'createNode (setup)';
    default:
      return callback ?? 'code';
  }
}
