// The TruthOracle handed to a model's observer: read-only views of the node table and the link
// blocks, the status-change feed and the fault feed.

import { describeBadValue, ModelApiMisuse } from '../model/api-misuse.js';
import type { FaultEvent, TruthOracle } from '../model/api.js';
import { NODE_PAUSED, NODE_UP } from './node-status.js';
import type { NodeTable } from './node-table.js';
import type { CallbackHeartbeat } from './callback-heartbeat.js';

/** The oracle, and the hooks the run calls to notify its listeners. */
export interface TruthOracleWithFeed extends TruthOracle {
  notifyStatusChange(nodeIndex: number): void;
  /** The fault injector's feed: events are built only while someone listens. */
  readonly faultFeed: { readonly listening: boolean; publish(event: FaultEvent): void };
}

export function createTruthOracle(
  nodes: NodeTable,
  indexByName: ReadonlyMap<string, number>,
  nowUs: () => number,
  isBlocked: (from: number, to: number) => boolean,
  clockOffsetUs: (node: number) => number,
  heartbeat: CallbackHeartbeat,
): TruthOracleWithFeed {
  const listeners: ((node: string, status: 'up' | 'down' | 'paused') => void)[] = [];
  const faultListeners: ((event: FaultEvent) => void)[] = [];
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
      for (const listener of listeners) {
        heartbeat.enter('onStatusChange', -1, nowUs());
        listener(nodes.names[nodeIndex]!, status);
        heartbeat.leave();
      }
    },
    clockOffsetUs(node) {
      return clockOffsetUs(index(node));
    },
    incarnation(node) {
      return nodes.incarnation[index(node)]!;
    },
    onFault(listener) {
      faultListeners.push(listener);
    },
    reachable(from, to) {
      return !isBlocked(index(from), index(to));
    },
    faultFeed: {
      get listening() {
        return faultListeners.length > 0;
      },
      publish(event) {
        for (const listener of faultListeners) {
          heartbeat.enter('onFault', -1, nowUs());
          listener(event);
          heartbeat.leave();
        }
      },
    },
  };
}
