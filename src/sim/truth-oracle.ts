// The TruthOracle handed to a model's observer: read-only views of the node table.

import type { TruthOracle } from '../model/api.js';
import { NODE_PAUSED, NODE_UP } from './node-status.js';
import type { NodeTable } from './node-table.js';

export function createTruthOracle(nodes: NodeTable, indexByName: ReadonlyMap<string, number>): TruthOracle {
  const index = (node: string | number): number => {
    const i = typeof node === 'number' ? node : indexByName.get(node);
    if (i === undefined || i < 0 || i >= nodes.names.length) throw new Error(`model bug: no node ${String(node)}`);
    return i;
  };
  return {
    status(node) {
      const status = nodes.status[index(node)];
      return status === NODE_UP ? 'up' : status === NODE_PAUSED ? 'paused' : 'down';
    },
    incarnation(node) {
      return nodes.incarnation[index(node)]!;
    },
  };
}
