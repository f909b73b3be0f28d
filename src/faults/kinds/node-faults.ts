// The shared shape of faults that act on each selected node and undo per node (crash, pause,
// slow): apply to every node the selector resolves to now, undo on those same nodes.

import type { AppliedFault, FaultWorld } from '../fault-kind.js';
import type { NodeSelector } from '../fault-spec.js';

export function applyToNodes(
  world: FaultWorld,
  selector: NodeSelector,
  apply: (node: number) => void,
  undo: ((node: number) => void) | null,
): AppliedFault {
  const nodes = world.nodes(selector);
  for (const node of nodes) apply(node);
  return { nodes, links: [], revert: undo === null ? null : () => nodes.forEach(undo) };
}
