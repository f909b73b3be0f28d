// `regions:` and `network:` -> latency between regions, the default link behaviour, and per-link
// overrides. A link side must match at least one node. Defaults (documented for users):
// latency constant 1ms, loss 0, duplicate 0, no overrides.

import type { LinkOverrideSpec, NetworkSpec, RegionLatencySpec } from './types.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { linkAt, listAt, stringAt } from './yaml-values.js';

export const DEFAULT_NETWORK: NetworkSpec = {
  latency: { kind: 'constant', valueUs: 1000 },
  lossProbability: 0,
  duplicateProbability: 0,
  links: [],
};

/**
 * Latency between regions. A region no node is in is accepted: scenarios are often written for a
 * topology that a `--set` or a later edit fills in (the example names `us` before any node is there).
 */
export function parseRegions(root: YamlConfigReader): RegionLatencySpec[] {
  const regions: RegionLatencySpec[] = [];
  for (const item of root.list('regions') ?? []) {
    const entry = root.mapAt(item, 'a map such as { between: [eu, us], latency: 80ms }');
    if (entry === null) continue;
    const between = readBetween(entry);
    const latency = entry.distribution('latency');
    entry.finish();
    if (between !== null) regions.push({ between, latency });
  }
  return regions;
}

function readBetween(entry: YamlConfigReader): [string, string] | null {
  const at = entry.required('between');
  if (at === undefined) return null;
  const names = listAt(entry.context, at, 'a pair of regions such as [eu, us]');
  if (names === null) return null;
  if (names.length !== 2) {
    entry.error('between', `expected exactly two regions, got ${names.length}`);
    return null;
  }
  const first = stringAt(entry.context, names[0]);
  const second = stringAt(entry.context, names[1]);
  return first === null || second === null ? null : [first, second];
}

export function parseNetwork(root: YamlConfigReader): NetworkSpec {
  const network = root.section('network');
  if (network === null) return DEFAULT_NETWORK;
  const spec: NetworkSpec = {
    latency: network.distribution('latency', { default: DEFAULT_NETWORK.latency, description: 'one-way delay of every message' }),
    lossProbability: network.probability('loss', { default: 0, description: 'chance that a message is lost' }),
    duplicateProbability: network.probability('duplicate', { default: 0, description: 'chance that a message is delivered twice' }),
    links: parseLinkOverrides(network),
  };
  network.finish();
  return spec;
}

const LINK_OVERRIDE_KEYS = ['latency', 'loss', 'duplicate'] as const;

function parseLinkOverrides(network: YamlConfigReader): LinkOverrideSpec[] {
  const overrides: LinkOverrideSpec[] = [];
  for (const item of network.list('links') ?? []) {
    const entry = network.mapAt(item, 'a map such as { link: "a -> b", loss: 0.1 }');
    if (entry === null) continue;
    const linkValue = entry.required('link', 'e.g. "client -> server-1"');
    const link = linkValue === undefined ? null : linkAt(entry.context, linkValue);
    if (!LINK_OVERRIDE_KEYS.some((key) => entry.has(key))) {
      entry.error(null, 'a link entry changes nothing', 'give it latency, loss or duplicate');
    }
    const override: Omit<LinkOverrideSpec, 'links'> = {
      extraDelay: null,
      latency: entry.has('latency') ? entry.distribution('latency') : null,
      lossProbability: entry.has('loss') ? entry.probability('loss') : null,
      duplicateProbability: entry.has('duplicate') ? entry.probability('duplicate') : null,
    };
    entry.finish();
    if (link !== null) overrides.push({ links: link.patterns, ...override });
  }
  return overrides;
}
