// `{ at: 5s, for: 10s, loss: 0.3, delay: 200ms, duplicate: 0.1, link: "a -> b" }` (or
// `node: server-1` for every link of a node, a role allowed; default every link): changes the
// links' loss probability, adds delay and duplicates messages while it lasts. The three keys
// combine in one entry.

import type { FaultEntryReader, FaultKind, FaultWorld, LinkSelection } from '../fault-kind.js';
import { isRoleSelector, type NodeSelector } from '../fault-spec.js';
import { describeDistribution } from '../../model/describe.js';
import type { LinkParameters, LinkPattern } from '../../network/topology-spec.js';

export interface LinkChangeAction {
  readonly kind: 'link';
  /** The links changed; null when they are every link of `node`. */
  readonly links: readonly LinkPattern[] | null;
  /** Every link to and from these nodes (resolved when the fault fires), when `links` is null. */
  readonly node: NodeSelector | null;
  readonly parameters: LinkParameters;
}

export const linkChangeFault: FaultKind<LinkChangeAction> = {
  name: 'link',
  keys: ['loss', 'delay', 'duplicate'],
  modifiers: ['link', 'node'],
  title: 'loss, delay and duplicate',
  parse(entry) {
    const parameters: LinkParameters = {
      latency: null,
      lossProbability: entry.has('loss') ? entry.probability('loss') : null,
      extraDelay: entry.has('delay') ? entry.distribution('delay') : null,
      duplicateProbability: entry.has('duplicate') ? entry.probability('duplicate') : null,
    };
    const target = readTarget(entry);
    if (target === null) return null;
    const changes = [
      parameters.lossProbability === null ? null : `loss ${parameters.lossProbability}`,
      parameters.extraDelay === null ? null : `delay ${describeDistribution(parameters.extraDelay)}`,
      parameters.duplicateProbability === null ? null : `duplicate ${parameters.duplicateProbability}`,
    ].filter((change) => change !== null);
    return { action: { kind: 'link', ...target.links, parameters }, label: `${changes.join(', ')} on ${target.text}` };
  },
  apply(action, world) {
    const pairs = world.links(action.links ?? nodeLinks(action.node!, world));
    return { nodes: [], links: pairs, revert: world.changeLinks(pairs, action.parameters) };
  },
};

type Target = { readonly links: Pick<LinkChangeAction, 'links' | 'node'>; readonly text: string };

function readTarget(entry: FaultEntryReader): Target | null {
  if (entry.has('link') && entry.has('node')) {
    entry.raw('node');
    entry.error('node', 'give either `link` or `node`, not both');
    return null;
  }
  if (entry.has('link')) {
    const link: LinkSelection | null = entry.linkSelection('link');
    return link === null ? null : { links: { links: link.patterns, node: null }, text: link.text };
  }
  if (entry.has('node')) {
    const node = entry.nodeSelection('node', { single: true });
    if (node === null) return null;
    return { links: { links: null, node: node.selector }, text: `every link of ${node.text}` };
  }
  return { links: { links: [{ from: '*', to: '*' }], node: null }, text: 'all links' };
}

/** Every link to or from the selected nodes, as patterns. */
function nodeLinks(selector: NodeSelector, world: FaultWorld): LinkPattern[] {
  const names = isRoleSelector(selector) ? world.nodes(selector).map((i) => world.nodeNames[i]!) : selector;
  return names.flatMap((name) => [{ from: name, to: '*' }, { from: '*', to: name }]);
}
