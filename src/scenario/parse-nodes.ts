// `nodes:` -> the topology's node list. Entries are `name`, or `{ name, count?, region? }` where
// `count: n` expands to name-1..name-n. Names are unique; the total is bounded (NODE_COUNT_MAX).

import { NODE_COUNT_MAX } from './scenario-keys.js';
import type { NodeSpec } from './types.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { plainValue, stringAt, type ValueAt } from './yaml-values.js';

const NODE_BOUND_HINT =
  'per-node state (model instances, timeline lanes, reports) grows with the node count; link state grows only with the links used';

export const NODE_NAME_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9_.:-]*$/;

interface NodeGroup {
  readonly at: ValueAt;
  readonly name: string;
  readonly count: number | null;
  readonly region: string | null;
}

/** Reads `nodes:` and records the names in the reader context's topology. */
export function parseNodes(root: YamlConfigReader): NodeSpec[] {
  const { context } = root;
  const problemsBefore = context.problems.count;
  const items = root.list('nodes', { required: true }) ?? [];
  const groups = items.map((item) => readGroup(root, item)).filter((group): group is NodeGroup => group !== null);
  const total = groups.reduce((sum, group) => sum + (group.count ?? 1), 0);
  if (items.length === 0 && root.has('nodes')) root.error('nodes', 'a scenario needs at least one node');
  const nodes: NodeSpec[] = [];
  if (total > NODE_COUNT_MAX) {
    root.error('nodes', `${total} nodes declared; at most ${NODE_COUNT_MAX} are supported`, NODE_BOUND_HINT);
  } else {
    const seen = new Map<string, ValueAt>();
    for (const group of groups) {
      for (const name of expand(group)) {
        if (seen.has(name)) {
          context.problems.report(group.at, `duplicate node name ${JSON.stringify(name)}`, `already declared at ${seen.get(name)!.path}`);
          continue;
        }
        seen.set(name, group.at);
        nodes.push({ name, region: group.region });
      }
    }
  }
  context.topology.nodeNames = nodes.map((node) => node.name);
  context.topology.complete = context.problems.count === problemsBefore;
  return nodes;
}

function expand(group: NodeGroup): string[] {
  if (group.count === null) return [group.name];
  return Array.from({ length: group.count }, (_, index) => `${group.name}-${index + 1}`);
}

function readGroup(root: YamlConfigReader, item: ValueAt): NodeGroup | null {
  const { context } = root;
  const value = plainValue(context, item.node);
  if (typeof value === 'string') {
    const name = checkName(root, item, value);
    return name === null ? null : { at: item, name, count: null, region: null };
  }
  const entry = root.mapAt(item, 'a node name or { name, count?, region? }');
  if (entry === null) return null;
  const nameAt = entry.required('name');
  const rawName = nameAt === undefined ? null : stringAt(context, nameAt);
  const name = rawName === null ? null : checkName(root, nameAt!, rawName);
  const count = entry.has('count') ? entry.number('count', { integer: true, min: 1 }) : null;
  const region = entry.has('region') ? entry.string('region') : null;
  entry.finish();
  return name === null ? null : { at: item, name, count, region };
}

function checkName(root: YamlConfigReader, at: ValueAt, name: string): string | null {
  if (NODE_NAME_PATTERN.test(name)) return name;
  root.context.problems.report(
    at,
    `invalid node name ${JSON.stringify(name)}`,
    'use letters, digits, and _ . : - (no spaces, no *, no arrows)',
  );
  return null;
}
