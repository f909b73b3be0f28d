// Metrics every run records, whatever the system model (the kernel and the network own them).

export const CORE_METRIC_NAMES: readonly string[] = [
  'events',
  'messages.sent',
  'messages.delivered',
  'messages.lost',
  'messages.duplicated',
  'messages.unreachable',
  'messages.refused',
  'faults.injected',
  /** Time-average number of nodes down over the scenario's duration. */
  'nodes.down-mean',
  /** Fraction of the duration during which every node was up. */
  'nodes.all-up-fraction',
];
