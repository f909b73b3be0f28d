// Saying, from a run's heartbeat (src/sim/callback-heartbeat.ts), which model callback ran past
// limits.callback-wall once the watchdog (src/run/callback-watchdog.ts) has stopped it: which
// callback, on which node, at what simulated time. Pure.

import { formatDuration } from '../model/describe.js';
import type { HeartbeatSnapshot } from '../sim/callback-heartbeat.js';

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
