// Metrics every run records, whatever the system model (the kernel and the network own them),
// each with its unit.

import type { MetricDeclaration } from '../model/api.js';

export const CORE_METRIC_NAMES: readonly MetricDeclaration[] = [
  { name: 'events', unit: 'count' },
  { name: 'messages.sent', unit: 'count' },
  { name: 'messages.delivered', unit: 'count' },
  { name: 'messages.lost', unit: 'count' },
  { name: 'messages.duplicated', unit: 'count' },
  { name: 'messages.unreachable', unit: 'count' },
  { name: 'messages.refused', unit: 'count' },
  { name: 'faults.injected', unit: 'count' },
  /** Time-average number of nodes down over the scenario's duration. */
  { name: 'nodes.down-mean', unit: 'count' },
  /** Fraction of the duration during which every node was up. */
  { name: 'nodes.all-up-fraction', unit: 'ratio' },
  /** Process pauses (pause faults, random pauses) that happened, and the longest of them. */
  { name: 'pauses.total', unit: 'count' },
  { name: 'pauses.longest-ms', unit: 'ms' },
  /** Largest |node clock − true time| of any node over the run. */
  { name: 'clock.offset.max', unit: 'ms' },
  /** Largest difference between two live nodes' time-of-day clocks. */
  { name: 'clock.skew.max', unit: 'ms' },
  /** Times a time-of-day clock was stepped backwards (synchronization, offset and jump faults). */
  { name: 'clock.backward-steps', unit: 'count' },
];
