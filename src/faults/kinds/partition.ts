// `{ at: 5s, for: 10s, partition: [[client, server-1], [server-2]] }`: nodes in different groups
// cannot reach each other; nodes in no group stay connected to all. A group may be a role
// (`partition: [{ role: leader }, "*"]` isolates the leader): a role's nodes, resolved when the
// fault fires, leave any other group they would be in.

import type { FaultKind, FaultWorld, NodeGroupItem } from '../fault-kind.js';
import { isRoleSelector, type NodeSelector } from '../fault-spec.js';

export interface PartitionAction {
  readonly kind: 'partition';
  readonly groups: readonly NodeSelector[];
}

export const partitionFault: FaultKind<PartitionAction> = {
  name: 'partition',
  keys: ['partition'],
  modifiers: [],
  title: 'partition',
  parse(entry) {
    const items = entry.nodeGroups('partition', 'a list of groups such as [[client, server-1], [server-2]]');
    if (items === null) return null;
    if (items.length < 2) {
      entry.error('partition', 'a partition needs at least two groups', 'nodes in no group stay connected to all; e.g. [[server-1], [client, server-2]]');
      return null;
    }
    if (!namedGroupsAreDisjoint(items)) return null;
    const groups = items.map((item) => item.selection.selector);
    return { action: { kind: 'partition', groups }, label: `partition ${describeGroups(items)}` };
  },
  apply(action, world) {
    const groupOf = groupsNow(action.groups, world);
    const pairs: number[][] = [];
    for (let from = 0; from < groupOf.length; from++) {
      for (let to = 0; to < groupOf.length; to++) {
        if (groupOf[from]! >= 0 && groupOf[to]! >= 0 && groupOf[from] !== groupOf[to]) pairs.push([from, to]);
      }
    }
    const nodes = [...groupOf.keys()].filter((node) => groupOf[node]! >= 0);
    return { nodes, links: pairs, revert: world.block(pairs) };
  },
};

/** Each node's group now (-1: in none). Role groups claim their nodes first, in order. */
function groupsNow(groups: readonly NodeSelector[], world: FaultWorld): Int32Array {
  const groupOf = new Int32Array(world.nodeNames.length).fill(-1);
  const roleGroupsFirst = [...groups.keys()].sort((a, b) => Number(!isRoleSelector(groups[a]!)) - Number(!isRoleSelector(groups[b]!)));
  for (const g of roleGroupsFirst) {
    for (const node of world.nodes(groups[g]!)) if (groupOf[node] === -1) groupOf[node] = g;
  }
  return groupOf;
}

function namedGroupsAreDisjoint(items: readonly NodeGroupItem[]): boolean {
  const groupOf = new Map<string, number>();
  let disjoint = true;
  items.forEach((item, index) => {
    const selector = item.selection.selector;
    if (isRoleSelector(selector)) return;
    for (const name of selector) {
      const other = groupOf.get(name);
      if (other !== undefined) {
        item.report(`node ${JSON.stringify(name)} is in two groups (${other + 1} and ${index + 1})`);
        disjoint = false;
      }
      groupOf.set(name, index);
    }
  });
  return disjoint;
}

function describeGroups(items: readonly NodeGroupItem[]): string {
  return items
    .map(({ selection }) => (isRoleSelector(selection.selector) ? `{${selection.text}}` : `{${selection.selector.join(', ')}}`))
    .join(' | ');
}
