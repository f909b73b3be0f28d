// `{ at: 5s, for: 8s, pause: server-1 }`: the process stops running (a GC pause, a suspended VM)
// but keeps its state; messages and timers wait and are handled when it resumes.

import type { FaultKind } from '../fault-kind.js';
import type { NodeSelector } from '../fault-spec.js';
import { applyToNodes } from './node-faults.js';

export interface PauseAction {
  readonly kind: 'pause';
  readonly nodes: NodeSelector;
}

export const pauseFault: FaultKind<PauseAction> = {
  name: 'pause',
  keys: ['pause'],
  modifiers: [],
  title: 'pause',
  parse(entry) {
    const selection = entry.nodeSelection('pause');
    if (selection === null) return null;
    return { action: { kind: 'pause', nodes: selection.selector }, label: `pause ${selection.text}` };
  },
  apply(action, world) {
    return applyToNodes(world, action.nodes, (node) => world.pause(node), (node) => world.resume(node));
  },
};
