// Detector mode of leader-follower (`system.detector`): a replica watches every other replica
// through a failure detector of src/model/kit/detectors, and its behaviour wraps the replica's own so that
// probes are answered and detector messages consumed before replica logic sees anything.

import { startMonitor, type Monitor } from '../../model/kit/detectors/monitor.js';
import { answerProbe } from '../../model/kit/detectors/probe-messages.js';
import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import type { LeaderFollowerConfig } from './config.js';
import type { LeaderFollowerObserver } from './observer.js';

/** Starts watching `others`; `onSuspected(target)` is called when a target becomes suspected. */
export function startReplicaMonitor(
  ctx: NodeContext,
  config: LeaderFollowerConfig,
  observer: LeaderFollowerObserver,
  others: readonly string[],
  onSuspected: (target: string) => void,
): Monitor | null {
  if (!config.detector) return null;
  return startMonitor(ctx, {
    targets: others,
    detector: config.detector,
    // Not the end of the workload: the drain and final phases need a leader too.
    stopAtUs: Number.POSITIVE_INFINITY,
    listener: {
      onViewChange(target, suspected) {
        observer.qos?.onViewChange(ctx.nodeName, target, suspected);
        if (suspected) onSuspected(target);
      },
    },
  });
}

/** The replica's behaviour, behind the detector's probes when a monitor runs. */
export function withMonitor(
  ctx: NodeContext,
  monitor: Monitor | null,
  onMessage: (from: string, message: unknown) => void,
): NodeBehaviour {
  if (monitor === null) return { onMessage };
  return {
    onMessage(from, message) {
      if (answerProbe(ctx, from, message) || monitor.handleMessage(from, message)) return;
      onMessage(from, message);
    },
    onRefused(to, message) {
      monitor.handleRefused(to, message);
    },
  };
}
