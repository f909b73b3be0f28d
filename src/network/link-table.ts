// The state of every directed link, as flat arrays indexed by `from * nodeCount + to`: the base
// parameters from the scenario (default, region pairs, per-link overrides, layered in that order)
// and the effective ones while faults change loss, delay and duplication or cut links. Faults
// change links only through this class's methods (changeLinks / restoreLinks, blocks).

import type { LinkOverrideSpec, LinkParameters, NetworkSpec, NodeSpec, RegionLatencySpec } from './topology-spec.js';
import { compileSampler, type Sampler } from '../model/sampler.js';
import { LinkBlocks, type CutListener } from './link-blocks.js';
import { matchLinkPairs } from './link-pattern.js';

/** A temporary change of link parameters (a fault's); later changes win where they overlap. */
export interface LinkChange {
  readonly pairs: readonly (readonly number[])[];
  readonly latency: Sampler | null;
  readonly extraDelay: Sampler | null;
  readonly lossProbability: number | null;
  readonly duplicateProbability: number | null;
}

export class LinkTable {
  readonly nodeCount: number;
  readonly latency: Sampler[];
  readonly lossProbability: Float64Array;
  readonly duplicateProbability: Float64Array;
  /** Extra delay added by an active fault, or null. */
  readonly extraDelay: (Sampler | null)[];
  /** Partitions and cuts: which links are blocked now. */
  readonly blocks: LinkBlocks;
  /** blocks.count, read by the network on every transmission (0 = open). */
  readonly blockCount: Int32Array;
  private readonly baseLatency: Sampler[];
  private readonly baseLossProbability: Float64Array;
  private readonly baseDuplicateProbability: Float64Array;
  private readonly overlays: LinkChange[] = [];
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

  constructor(
    nodes: readonly NodeSpec[],
    regions: readonly RegionLatencySpec[],
    network: NetworkSpec,
    onCutChange: CutListener = () => {},
  ) {
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
    this.blocks = new LinkBlocks(n, onCutChange);
    this.blockCount = this.blocks.count;
    this.defaultLatency = defaultLatency;
    this.defaultLossProbability = network.lossProbability;
    this.defaultDuplicateProbability = network.duplicateProbability;
    this.baseIsUniform = regions.length === 0 && network.links.length === 0;
    this.uniform = this.baseIsUniform;
  }

  index(from: number, to: number): number {
    return from * this.nodeCount + to;
  }

  /** Changes the parameters of `pairs` until restoreLinks is called with the returned change. */
  changeLinks(pairs: readonly (readonly number[])[], parameters: LinkParameters): LinkChange {
    const overlay: LinkChange = {
      pairs,
      latency: parameters.latency ? compileSampler(parameters.latency) : null,
      extraDelay: parameters.extraDelay ? compileSampler(parameters.extraDelay) : null,
      lossProbability: parameters.lossProbability,
      duplicateProbability: parameters.duplicateProbability,
    };
    this.overlays.push(overlay);
    this.uniform = false;
    this.recompute(overlay.pairs);
    return overlay;
  }

  /** Undoes a change (a no-op when it was undone already). */
  restoreLinks(overlay: LinkChange): void {
    const position = this.overlays.indexOf(overlay);
    if (position < 0) return;
    this.overlays.splice(position, 1);
    this.recompute(overlay.pairs);
    // Regions and overrides are fixed for the run; only overlays come and go.
    this.uniform = this.overlays.length === 0 && this.baseIsUniform;
  }

  private recompute(pairs: readonly (readonly number[])[]): void {
    const affected = new Set<number>();
    for (const [from, to] of pairs) {
      const i = this.index(from!, to!);
      affected.add(i);
      this.latency[i] = this.baseLatency[i]!;
      this.lossProbability[i] = this.baseLossProbability[i]!;
      this.duplicateProbability[i] = this.baseDuplicateProbability[i]!;
      this.extraDelay[i] = null;
    }
    for (const overlay of this.overlays) {
      for (const [from, to] of overlay.pairs) {
        const i = this.index(from!, to!);
        if (!affected.has(i)) continue;
        if (overlay.latency !== null) this.latency[i] = overlay.latency;
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
    const extra = override.extraDelay ? compileSampler(override.extraDelay) : null;
    for (const [from, to] of matchLinkPairs(override.links, nodeNames)) {
      const i = from! * nodeNames.length + to!;
      if (sampler) this.baseLatency[i] = sampler;
      if (extra) {
        const latency = this.baseLatency[i]!;
        this.baseLatency[i] = (stream) => latency(stream) + extra(stream);
      }
      if (override.lossProbability !== null) this.baseLossProbability[i] = override.lossProbability;
      if (override.duplicateProbability !== null) this.baseDuplicateProbability[i] = override.duplicateProbability;
    }
  }
}
