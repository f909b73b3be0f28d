// The built-in `heartbeat` model: nodes monitor each other with a failure detector (fixed timeout,
// phi accrual or health check) and nothing else. The point is the detector's quality of service
// against the truth: how fast crashes are found, how often live nodes are wrongly suspected, and
// for how long. Uses only the public model API, as a user's own model would.

import type { SystemModel } from '../../model/api.js';
import { startMonitor, monitorBehaviour } from '../../model/kit/detectors/monitor.js';
import { DETECTOR_METRIC_NAMES, trackDetectorQuality, type DetectorQosTracker } from '../../model/kit/detectors/qos-tracker.js';
import { monitorPairs, parseHeartbeatConfig, type HeartbeatConfig } from './config.js';

export const heartbeatModel: SystemModel<HeartbeatConfig, DetectorQosTracker> = {
  name: 'heartbeat',
  description: 'Nodes monitor each other with a failure detector; measures detection time and mistakes against the truth.',

  metricNames: () => DETECTOR_METRIC_NAMES,

  // Heartbeats are not requests: nothing for the timeline's failure row.
  timelineSeries: () => ({ failed: [], ok: [] }),

  parseConfig: parseHeartbeatConfig,

  createShared: (config, setup) => trackDetectorQuality(setup, monitorPairs(config)),

  createNode(ctx, config, tracker) {
    const targets = config.targetsByMonitor.get(ctx.nodeName);
    const monitor = targets
      ? startMonitor(ctx, {
          targets,
          detector: config.detector,
          stopAtUs: ctx.durationUs,
          listener: { onViewChange: (target, suspected) => tracker.onViewChange(ctx.nodeName, target, suspected) },
        })
      : null;
    return monitorBehaviour(ctx, monitor);
  },

  finish(tracker) {
    tracker.finish();
  },
};
