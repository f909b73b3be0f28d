// The parameters of every directed link, stored by what differs from the default: a link's base
// parameters come from the network's default, then its two ends' regions (a small region x region
// table), then `network.links` overrides (kept per link, only for the links they match); faults
// change loss, delay and duplication through changeLinks / restoreLinks, kept per link while they
// last. Nothing here is n x n, so memory grows with the overridden and changed links. Faults
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

/** The effective parameters of one link (shared by every link they apply to; never mutated). */
export interface LinkState {
  readonly latency: Sampler;
  /** Extra delay added by an active fault, or null. */
  readonly extraDelay: Sampler | null;
  readonly lossProbability: number;
  readonly duplicateProbability: number;
}

export class LinkTable {
  readonly nodeCount: number;
  /** Partitions and cuts: which links are blocked now. */
  readonly blocks: LinkBlocks;
  /**
   * True while every link has the network's default parameters (no regions, no per-link
   * overrides, no active overlay): the network then reads `defaultLatency`, `defaultLossProbability`
   * and `defaultDuplicateProbability` instead of looking the link up. Partitions and cuts
   * (blocks) are per link either way.
   */
  uniform: boolean;
  private readonly baseIsUniform: boolean;
  readonly defaultLatency: Sampler;
  /**
   * The default latency's mean when it is exponential (the common case), else -1: the network
   * then draws it inline, the very computation of the sampler, without a call that returns a
   * boxed double.
   */
  readonly defaultExponentialMeanUs: number;
  readonly defaultLossProbability: number;
  readonly defaultDuplicateProbability: number;
  /** Per node: its region's index in the region table (regionCount for nodes in no listed region). */
  private readonly regionOf: Int32Array;
  /** Base state of a link between regions i and j at `i * (regionCount + 1) + j`. */
  private readonly regionStates: LinkState[];
  private readonly regionStride: number;
  /** Base states of the links that `network.links` overrides, by link key. */
  private readonly overridden = new Map<number, LinkState>();
  /** Effective states of the links that differ from their region pair's state, by link key. */
  private readonly differing = new Map<number, LinkState>();
  private readonly overlays: LinkChange[] = [];

  constructor(
    nodes: readonly NodeSpec[],
    regions: readonly RegionLatencySpec[],
    network: NetworkSpec,
    onCutChange: CutListener = () => {},
  ) {
    const n = nodes.length;
    this.nodeCount = n;
    this.defaultLatency = compileSampler(network.latency);
    this.defaultExponentialMeanUs = network.latency.kind === 'exponential' ? network.latency.meanUs : -1;
    this.defaultLossProbability = network.lossProbability;
    this.defaultDuplicateProbability = network.duplicateProbability;
    const regionNames = [...new Set(regions.flatMap((region) => region.between))];
    this.regionStride = regionNames.length + 1;
    this.regionOf = Int32Array.from(nodes, (node) => (node.region === null || !regionNames.includes(node.region) ? regionNames.length : regionNames.indexOf(node.region)));
    this.regionStates = this.regionTable(regionNames, regions);
    for (const override of network.links) this.applyOverride(override, nodes.map((node) => node.name));
    for (const [link, state] of this.overridden) this.differing.set(link, state);
    this.blocks = new LinkBlocks(n, onCutChange);
    this.baseIsUniform = regions.length === 0 && network.links.length === 0;
    this.uniform = this.baseIsUniform;
  }

  index(from: number, to: number): number {
    return from * this.nodeCount + to;
  }

  /** The link's parameters now (`link` is `from * nodeCount + to`). */
  state(link: number, from: number, to: number): LinkState {
    if (this.differing.size !== 0) {
      const state = this.differing.get(link);
      if (state !== undefined) return state;
    }
    return this.regionStates[this.regionOf[from]! * this.regionStride + this.regionOf[to]!]!;
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

  /** The link's parameters from the scenario alone (no fault). */
  private baseState(link: number, from: number, to: number): LinkState {
    return this.overridden.get(link) ?? this.regionStates[this.regionOf[from]! * this.regionStride + this.regionOf[to]!]!;
  }

  private recompute(pairs: readonly (readonly number[])[]): void {
    const affected = new Map<number, LinkState>();
    for (const [from, to] of pairs) {
      const link = this.index(from!, to!);
      affected.set(link, this.baseState(link, from!, to!));
    }
    const changed = new Set<number>();
    for (const overlay of this.overlays) {
      for (const [from, to] of overlay.pairs) {
        const link = this.index(from!, to!);
        const state = affected.get(link);
        if (state === undefined) continue;
        affected.set(link, withChange(state, overlay));
        changed.add(link);
      }
    }
    for (const [link, state] of affected) {
      if (changed.has(link) || this.overridden.has(link)) this.differing.set(link, state);
      else this.differing.delete(link);
    }
  }

  private regionTable(regionNames: readonly string[], regions: readonly RegionLatencySpec[]): LinkState[] {
    const base: LinkState = {
      latency: this.defaultLatency,
      extraDelay: null,
      lossProbability: this.defaultLossProbability,
      duplicateProbability: this.defaultDuplicateProbability,
    };
    const table = new Array<LinkState>(this.regionStride * this.regionStride).fill(base);
    for (const region of regions) {
      const latency = compileSampler(region.latency);
      const a = regionNames.indexOf(region.between[0]);
      const b = regionNames.indexOf(region.between[1]);
      table[a * this.regionStride + b] = { ...base, latency };
      table[b * this.regionStride + a] = { ...base, latency };
    }
    return table;
  }

  private applyOverride(override: LinkOverrideSpec, nodeNames: readonly string[]): void {
    const sampler = override.latency ? compileSampler(override.latency) : null;
    const extra = override.extraDelay ? compileSampler(override.extraDelay) : null;
    for (const [from, to] of matchLinkPairs(override.links, nodeNames)) {
      const link = this.index(from!, to!);
      const base = this.baseState(link, from!, to!);
      let latency = sampler ?? base.latency;
      if (extra) {
        const inner = latency;
        latency = (stream) => inner(stream) + extra(stream);
      }
      this.overridden.set(link, {
        latency,
        extraDelay: null,
        lossProbability: override.lossProbability ?? base.lossProbability,
        duplicateProbability: override.duplicateProbability ?? base.duplicateProbability,
      });
    }
  }
}

/** The state with an overlay's non-null parameters applied. */
function withChange(state: LinkState, change: LinkChange): LinkState {
  return {
    latency: change.latency ?? state.latency,
    extraDelay: change.extraDelay ?? state.extraDelay,
    lossProbability: change.lossProbability ?? state.lossProbability,
    duplicateProbability: change.duplicateProbability ?? state.duplicateProbability,
  };
}
