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
];
