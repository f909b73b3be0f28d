// Configuration of the heartbeat model, read from `system:`: who monitors whom (`monitors: all`
// or a map `{ monitor: [targets] }`) and with which failure detector (`detector:`).

import type { ModelSections } from '../../model/api.js';
import { AKKA_PHI_DEFAULTS } from '../../model/kit/detectors/phi-accrual.js';
import { monitoringBoundProblem, parseDetectorConfig, type DetectorConfig } from '../../model/kit/detectors/detector-config.js';

export interface HeartbeatConfig {
  readonly detector: DetectorConfig;
  /** Each monitor's targets, monitors in topology order, targets in the order given. */
  readonly targetsByMonitor: ReadonlyMap<string, readonly string[]>;
}

/** When `detector:` is absent: Akka's phi accrual defaults. */
export const DEFAULT_DETECTOR: DetectorConfig = {
  kind: 'phi-accrual',
  intervalUs: AKKA_PHI_DEFAULTS.firstHeartbeatEstimateMs * 1000,
  suspectOnRefused: false,
  threshold: AKKA_PHI_DEFAULTS.threshold,
  acceptablePauseUs: AKKA_PHI_DEFAULTS.acceptableHeartbeatPauseMs * 1000,
  minStdDeviationUs: AKKA_PHI_DEFAULTS.minStdDeviationMs * 1000,
  maxSampleSize: AKKA_PHI_DEFAULTS.maxSampleSize,
};

export function parseHeartbeatConfig({ system, workload, nodeNames }: ModelSections): HeartbeatConfig {
  if (workload) workload.error(null, 'the heartbeat model has no workload', 'remove the `workload:` section');
  const detectorSection = system.section('detector', { description: 'the failure detector (default: phi accrual with Akka settings)' });
  const detector = detectorSection ? parseDetectorConfig(detectorSection) : DEFAULT_DETECTOR;
  const targetsByMonitor = parseMonitors({ system, workload, nodeNames });
  if (nodeNames.length > 0 && targetsByMonitor.size === 0) system.error('monitors', 'no node monitors another');
  let pairCount = 0;
  for (const targets of targetsByMonitor.values()) pairCount += targets.length;
  const tooMuch = monitoringBoundProblem(pairCount, detector);
  if (tooMuch) system.error('monitors', tooMuch, 'monitor fewer pairs (a map { monitor: [targets] }) or lower max-samples');
  return { detector, targetsByMonitor };
}

function parseMonitors({ system, nodeNames }: ModelSections): Map<string, readonly string[]> {
  const raw = system.raw('monitors', {
    description: 'all (default), or a map from a monitor to the nodes it watches',
    accepts: { anyOf: [{ const: 'all' }, { type: 'object', additionalProperties: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] } }] },
  });
  const all = new Map<string, readonly string[]>();
  if (raw === undefined || raw === 'all') {
    for (const monitor of nodeNames) all.set(monitor, nodeNames.filter((node) => node !== monitor));
    return all;
  }
  const section = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? system.section('monitors') : null;
  if (!section) {
    system.error('monitors', '`monitors` is `all` or a map from a monitor to the nodes it watches', 'e.g. monitors: { lb: [server-1, server-2] }');
    return all;
  }
  const byMonitor = new Map<string, readonly string[]>();
  for (const monitor of section.keys()) {
    const targets = section.nodeNames(monitor);
    if (!nodeNames.includes(monitor)) {
      section.error(monitor, `no node is named "${monitor}"`);
      continue;
    }
    if (targets.includes(monitor)) section.error(monitor, `"${monitor}" cannot monitor itself`);
    byMonitor.set(monitor, targets.filter((target) => target !== monitor));
  }
  section.finish();
  // Topology order, not file order: deterministic and independent of how the map was written.
  return new Map(nodeNames.filter((node) => byMonitor.has(node)).map((node) => [node, byMonitor.get(node)!]));
}

/** Every monitor-target pair, monitors in topology order. */
export function monitorPairs(config: HeartbeatConfig): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [monitor, targets] of config.targetsByMonitor) for (const target of targets) pairs.push([monitor, target]);
  return pairs;
}
