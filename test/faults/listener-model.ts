// A model for fault tests: its nodes do nothing; its observer records every fault event and, at
// each, whether a -> b is reachable; its one role `leader` rotates through the nodes once a second
// of true time (so a fault naming it hits a node known in advance), and is vacant in [20s, 21s).

import type { FaultEvent, SystemModel, TruthOracle } from '../../src/model/api.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';

export interface ListenerLog {
  readonly oracle: TruthOracle;
  readonly nodeNames: readonly string[];
  readonly events: FaultEvent[];
  readonly reachableAB: boolean[];
}

export function rotatingLeader(nodeNames: readonly string[], nowUs: number): string[] {
  const second = Math.floor(nowUs / 1_000_000);
  return second === 20 ? [] : [nodeNames[second % nodeNames.length]!];
}

export const listenerModel: SystemModel<null, ListenerLog> = {
  name: 'listener',
  description: 'records the fault feed',
  metricNames: () => [],
  parseConfig: () => null,
  roleNames: ['leader'],
  roles: (log) => ({ leader: rotatingLeader(log.nodeNames, log.oracle.nowUs()) }),
  createShared(_config, setup) {
    const log: ListenerLog = { oracle: setup.oracle, nodeNames: setup.nodeNames, events: [], reachableAB: [] };
    setup.oracle.onFault((event) => {
      log.events.push(event);
      log.reachableAB.push(setup.oracle.reachable('a', 'b'));
    });
    return log;
  },
  createNode: () => null,
};

export const resolveListener = createModelResolver(
  (name) => (name === 'listener' ? (listenerModel as SystemModel) : undefined),
  () => ['listener'],
);
