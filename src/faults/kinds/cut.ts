// `{ at: 5s, for: 10s, cut: "server-1 -> server-2" }`: the matched directed links drop every
// message (`<->` cuts both ways): an asymmetric or partial partition.

import type { FaultKind } from '../fault-kind.js';
import type { LinkPattern } from '../../network/topology-spec.js';

export interface CutAction {
  readonly kind: 'cut';
  readonly links: readonly LinkPattern[];
}

export const cutFault: FaultKind<CutAction> = {
  name: 'cut',
  keys: ['cut'],
  modifiers: [],
  title: 'cut',
  parse(entry) {
    const link = entry.linkSelection('cut');
    return link === null ? null : { action: { kind: 'cut', links: link.patterns }, label: `cut ${link.text}` };
  },
  apply(action, world) {
    const pairs = world.links(action.links);
    return { nodes: [], links: pairs, revert: world.block(pairs) };
  },
};
