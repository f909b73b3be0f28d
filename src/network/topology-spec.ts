// The topology as the network layer reads it: nodes, region latencies, link patterns and overrides.
// Plain data, produced by the scenario loader (src/scenario) and consumed by src/network.

import type { DistributionSpec } from '../model/distribution.js';

/**
 * A set of directed links, written `a -> b`, `a <-> b` (both directions) with `*` globs on node
 * names. `node: x` style selections (every link touching x) are expressed as two directed patterns.
 */
export interface LinkPattern {
  readonly from: string;
  readonly to: string;
}

export interface NodeSpec {
  readonly name: string;
  readonly region: string | null;
}

export interface RegionLatencySpec {
  readonly between: readonly [string, string];
  readonly latency: DistributionSpec;
}

export interface LinkOverrideSpec {
  readonly links: readonly LinkPattern[];
  readonly latency: DistributionSpec | null;
  readonly lossProbability: number | null;
  readonly duplicateProbability: number | null;
}

export interface NetworkSpec {
  readonly latency: DistributionSpec;
  readonly lossProbability: number;
  readonly duplicateProbability: number;
  readonly links: readonly LinkOverrideSpec[];
}
