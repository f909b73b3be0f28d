// `{ at: 20s, heal: true }`: removes every partition and cut in effect (for good: their own
// reverts then do nothing). Link changes (loss, delay, duplicate) stay.

import type { FaultKind } from '../fault-kind.js';

export interface HealAction {
  readonly kind: 'heal';
}

export const healFault: FaultKind<HealAction> = {
  name: 'heal',
  keys: ['heal'],
  modifiers: [],
  title: 'heal',
  notRevertible: 'heal removes partitions for good',
  parse(entry) {
    if (entry.boolean('heal') !== true) entry.error('heal', 'write `heal: true`');
    return { action: { kind: 'heal' }, label: 'heal' };
  },
  apply(_action, world) {
    return { nodes: [], links: world.unblockAll(), revert: null };
  },
};
