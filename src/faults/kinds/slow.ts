// `{ at: 5s, for: 10s, slow: server-1, factor: 4 }`: the node's work takes `factor` times as long
// (models scale their service times by ctx.slowFactor()): a degraded disk or a noisy neighbour.

import type { FaultKind } from '../fault-kind.js';
import type { NodeSelector } from '../fault-spec.js';
import { applyToNodes } from './node-faults.js';

export interface SlowAction {
  readonly kind: 'slow';
  readonly nodes: NodeSelector;
  readonly factor: number;
}

export const slowFault: FaultKind<SlowAction> = {
  name: 'slow',
  keys: ['slow'],
  modifiers: ['factor'],
  title: 'slow',
  parse(entry) {
    const selection = entry.nodeSelection('slow');
    const factor = entry.number('factor');
    if (entry.has('factor') && factor <= 1) entry.error('factor', `must be greater than 1, got ${factor}`);
    if (selection === null) return null;
    return { action: { kind: 'slow', nodes: selection.selector, factor }, label: `slow ${selection.text} x${factor}` };
  },
  apply(action, world) {
    return applyToNodes(world, action.nodes, (node) => world.setSlowFactor(node, action.factor), (node) => world.setSlowFactor(node, 1));
  },
};
