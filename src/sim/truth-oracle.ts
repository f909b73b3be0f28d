// The TruthOracle handed to a model's observer: read-only views of the node table.

import { describeBadValue, ModelApiMisuse } from '../model/api-misuse.js';
import type { TruthOracle } from '../model/api.js';
import { NODE_PAUSED, NODE_UP } from './node-status.js';
import type { NodeTable } from './node-table.js';

/** The oracle, and the hook the run calls on every status change to notify its listeners. */
export interface TruthOracleWithFeed extends TruthOracle {
  notifyStatusChange(nodeIndex: number): void;
}

export function createTruthOracle(
  nodes: NodeTable,
  indexByName: ReadonlyMap<string, number>,
  nowUs: () => number,
): TruthOracleWithFeed {
  const listeners: ((node: string, status: 'up' | 'down' | 'paused') => void)[] = [];
  const index = (node: string | number): number => {
    const i = typeof node === 'number' ? node : indexByName.get(node);
    if (i === undefined || i < 0 || i >= nodes.names.length) throw new ModelApiMisuse('oracle', `no node ${describeBadValue(node)}`);
    return i;
  };
  const statusOf = (i: number): 'up' | 'down' | 'paused' => {
    const status = nodes.status[i];
    return status === NODE_UP ? 'up' : status === NODE_PAUSED ? 'paused' : 'down';
  };
  return {
    status(node) {
      return statusOf(index(node));
    },
    nowUs,
    onStatusChange(listener) {
      listeners.push(listener);
    },
    notifyStatusChange(nodeIndex) {
      const status = statusOf(nodeIndex);
      for (const listener of listeners) listener(nodes.names[nodeIndex]!, status);
    },
    incarnation(node) {
      return nodes.incarnation[index(node)]!;
    },
  };
}
