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

/**
 * Parameters of a set of links, the one shape for every change of them: a `network.links`
 * override (fixed for the run) and a loss / delay / duplicate fault (while it lasts). Null leaves
 * the parameter as it was.
 */
export interface LinkParameters {
  /** Replaces the link's latency. */
  readonly latency: DistributionSpec | null;
  /** Added to the link's latency. */
  readonly extraDelay: DistributionSpec | null;
  readonly lossProbability: number | null;
  readonly duplicateProbability: number | null;
}

/** `network.links` entry: parameters for the matched links. */
export interface LinkOverrideSpec extends LinkParameters {
  readonly links: readonly LinkPattern[];
}

export interface NetworkSpec {
  readonly latency: DistributionSpec;
  readonly lossProbability: number;
  readonly duplicateProbability: number;
  readonly links: readonly LinkOverrideSpec[];
}
