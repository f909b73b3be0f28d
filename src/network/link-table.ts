// The state of every directed link, as flat arrays indexed by `from * nodeCount + to`: the base
// parameters from the scenario (default, region pairs, per-link overrides, layered in that order)
// and the effective ones while faults change loss, delay and duplication or cut links.

import type { LinkOverrideSpec, NetworkSpec, NodeSpec, RegionLatencySpec } from './topology-spec.js';
import { compileSampler, type Sampler } from '../model/sampler.js';
import { matchLinkPairs } from './link-pattern.js';

/** A temporary change of link parameters by a fault; later overlays win where they overlap. */
export interface LinkOverlay {
  readonly pairs: readonly number[][];
  readonly lossProbability: number | null;
  readonly extraDelay: Sampler | null;
  readonly duplicateProbability: number | null;
}

export class LinkTable {
  readonly nodeCount: number;
  readonly latency: Sampler[];
  readonly lossProbability: Float64Array;
  readonly duplicateProbability: Float64Array;
  /** Extra delay added by an active fault, or null. */
  readonly extraDelay: (Sampler | null)[];
  /** How many active partitions / cuts block the link (0 = open). */
  readonly blockCount: Int32Array;
  private readonly baseLatency: Sampler[];
  private readonly baseLossProbability: Float64Array;
  private readonly baseDuplicateProbability: Float64Array;
  private readonly overlays: LinkOverlay[] = [];
  /**
   * True while every link has the network's default parameters (no regions, no per-link
   * overrides, no active overlay): the network then reads `defaultLatency`, `defaultLossProbability`
   * and `defaultDuplicateProbability` instead of the per-link arrays, saving a cache miss on each
   * array per transmission in large topologies. Partitions and cuts (blockCount) are per link
   * either way.
   */
  uniform: boolean;
  private readonly baseIsUniform: boolean;
  readonly defaultLatency: Sampler;
  readonly defaultLossProbability: number;
  readonly defaultDuplicateProbability: number;

  constructor(nodes: readonly NodeSpec[], regions: readonly RegionLatencySpec[], network: NetworkSpec) {
    const n = nodes.length;
    this.nodeCount = n;
    const defaultLatency = compileSampler(network.latency);
    this.baseLatency = new Array<Sampler>(n * n).fill(defaultLatency);
    this.baseLossProbability = new Float64Array(n * n).fill(network.lossProbability);
    this.baseDuplicateProbability = new Float64Array(n * n).fill(network.duplicateProbability);
    this.applyRegions(nodes, regions);
    for (const override of network.links) this.applyOverride(override, nodes.map((node) => node.name));
    this.latency = [...this.baseLatency];
    this.lossProbability = Float64Array.from(this.baseLossProbability);
    this.duplicateProbability = Float64Array.from(this.baseDuplicateProbability);
    this.extraDelay = new Array<Sampler | null>(n * n).fill(null);
    this.blockCount = new Int32Array(n * n);
    this.defaultLatency = defaultLatency;
    this.defaultLossProbability = network.lossProbability;
    this.defaultDuplicateProbability = network.duplicateProbability;
    this.baseIsUniform = regions.length === 0 && network.links.length === 0;
    this.uniform = this.baseIsUniform;
  }

  index(from: number, to: number): number {
    return from * this.nodeCount + to;
  }

  addOverlay(overlay: LinkOverlay): void {
    this.overlays.push(overlay);
    this.uniform = false;
    this.recompute(overlay.pairs);
  }

  removeOverlay(overlay: LinkOverlay): void {
    const position = this.overlays.indexOf(overlay);
    if (position < 0) return;
    this.overlays.splice(position, 1);
    this.recompute(overlay.pairs);
    // Regions and overrides are fixed for the run; only overlays come and go.
    this.uniform = this.overlays.length === 0 && this.baseIsUniform;
  }

  private recompute(pairs: readonly number[][]): void {
    const affected = new Set<number>();
    for (const [from, to] of pairs) {
      const i = this.index(from!, to!);
      affected.add(i);
      this.lossProbability[i] = this.baseLossProbability[i]!;
      this.duplicateProbability[i] = this.baseDuplicateProbability[i]!;
      this.extraDelay[i] = null;
    }
    for (const overlay of this.overlays) {
      for (const [from, to] of overlay.pairs) {
        const i = this.index(from!, to!);
        if (!affected.has(i)) continue;
        if (overlay.lossProbability !== null) this.lossProbability[i] = overlay.lossProbability;
        if (overlay.duplicateProbability !== null) this.duplicateProbability[i] = overlay.duplicateProbability;
        if (overlay.extraDelay !== null) this.extraDelay[i] = overlay.extraDelay;
      }
    }
  }

  private applyRegions(nodes: readonly NodeSpec[], regions: readonly RegionLatencySpec[]): void {
    for (const region of regions) {
      const sampler = compileSampler(region.latency);
      const [a, b] = region.between;
      for (let from = 0; from < nodes.length; from++) {
        for (let to = 0; to < nodes.length; to++) {
          const fromRegion = nodes[from]!.region;
          const toRegion = nodes[to]!.region;
          if ((fromRegion === a && toRegion === b) || (fromRegion === b && toRegion === a)) {
            this.baseLatency[from * nodes.length + to] = sampler;
          }
        }
      }
    }
  }

  private applyOverride(override: LinkOverrideSpec, nodeNames: readonly string[]): void {
    const sampler = override.latency ? compileSampler(override.latency) : null;
    for (const [from, to] of matchLinkPairs(override.links, nodeNames)) {
      const i = from! * nodeNames.length + to!;
      if (sampler) this.baseLatency[i] = sampler;
      if (override.lossProbability !== null) this.baseLossProbability[i] = override.lossProbability;
      if (override.duplicateProbability !== null) this.baseDuplicateProbability[i] = override.duplicateProbability;
    }
  }
}
