// `{ at: 9s, restart: server-1 }`: starts a crashed process again (instantaneous; a running one
// is left alone).

import type { FaultKind } from '../fault-kind.js';
import type { NodeSelector } from '../fault-spec.js';
import { applyToNodes } from './node-faults.js';

export interface RestartAction {
  readonly kind: 'restart';
  readonly nodes: NodeSelector;
}

export const restartFault: FaultKind<RestartAction> = {
  name: 'restart',
  keys: ['restart'],
  modifiers: [],
  title: 'restart',
  notRevertible: 'a restart is instantaneous',
  parse(entry) {
    const selection = entry.nodeSelection('restart');
    if (selection === null) return null;
    return { action: { kind: 'restart', nodes: selection.selector }, label: `restart ${selection.text}` };
  },
  apply(action, world) {
    return applyToNodes(world, action.nodes, (node) => world.restart(node), null);
  },
};
