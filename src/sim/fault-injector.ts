// Applies fault actions to the nodes and the network at their scheduled times, and reverts them.
// Each fault kind is one case of `apply`, which returns the function that undoes it.

import { assert } from '../model/assert.js';
import type { Kernel } from '../kernel/kernel.js';
import { matchLinkPairs } from '../network/link-pattern.js';
import type { LinkOverlay, LinkTable } from '../network/link-table.js';
import type { FaultAction, ScheduledFaultSpec } from './fault-spec.js';
import { compileSampler } from '../model/sampler.js';
import type { FaultLog } from './fault-log.js';
import type { NodeTable } from './node-table.js';

type Revert = () => void;

interface ActiveBlock {
  readonly pairs: readonly number[][];
  active: boolean;
}

export interface CutObserver {
  onCutChange(nodeIndex: number, cut: boolean): void;
}

export class FaultInjector {
  private readonly runKind: number;
  private readonly activeBlocks: ActiveBlock[] = [];
  private readonly cut: Uint8Array;
  /** Undo functions of faults still in effect, in the order they were applied (for revertAll). */
  private readonly activeReverts = new Set<Revert>();

  constructor(
    private readonly kernel: Kernel,
    private readonly nodes: NodeTable,
    private readonly links: LinkTable,
    private readonly log: FaultLog,
    private readonly cutObserver: CutObserver,
  ) {
    this.runKind = kernel.registerHandler((action: () => void) => action());
    this.cut = new Uint8Array(nodes.names.length);
  }

  /** Runs `action` at `atUs` (for random fault processes and scheduled faults alike). */
  at(atUs: number, action: () => void): void {
    this.kernel.scheduleAt(atUs, this.runKind, action);
  }

  schedule(fault: ScheduledFaultSpec): void {
    this.at(fault.atUs, () => {
      const revert = this.inject(fault.action, fault.label);
      if (fault.forUs !== null && revert) {
        this.at(this.kernel.nowUs + fault.forUs, () => {
          revert();
          this.recordRevert(`end of ${fault.label}`, fault.action.kind);
        });
      }
    });
  }

  recordRevert(label: string, kind: string): void {
    this.log.add({ atUs: this.kernel.nowUs, label, kind, revert: true });
  }

  /** Applies an action now, records it, and returns how to undo it (null when it cannot be undone). */
  inject(action: FaultAction, label: string): Revert | null {
    this.log.add({ atUs: this.kernel.nowUs, label, kind: action.kind, revert: false });
    const revert = this.apply(action);
    if (revert === null) return null;
    // Each undo runs at most once, whether its fault ends on schedule or revertAll comes first.
    const once: Revert = () => {
      if (!this.activeReverts.delete(once)) return;
      revert();
    };
    this.activeReverts.add(once);
    return once;
  }

  /**
   * The final phase's "heal everything": reverts every fault still in effect (restarts crashed
   * nodes, resumes paused ones, removes partitions, cuts, link changes and slowdowns), newest first.
   */
  revertAll(label: string): void {
    const reverts = [...this.activeReverts].reverse();
    if (reverts.length === 0) return;
    for (const revert of reverts) revert();
    this.log.add({ atUs: this.kernel.nowUs, label, kind: 'heal', revert: true });
  }

  private apply(action: FaultAction): Revert | null {
    const nodes = this.nodes;
    switch (action.kind) {
      case 'crash': {
        const indices = this.indices(action.nodes);
        for (const i of indices) nodes.crash(i, action.mode);
        return () => indices.forEach((i) => nodes.restart(i));
      }
      case 'restart':
        for (const i of this.indices(action.nodes)) nodes.restart(i);
        return null;
      case 'pause': {
        const indices = this.indices(action.nodes);
        for (const i of indices) nodes.pause(i);
        return () => indices.forEach((i) => nodes.resume(i));
      }
      case 'partition':
        return this.block(this.partitionPairs(action.groups));
      case 'cut':
        return this.block(matchLinkPairs(action.links, nodes.names));
      case 'heal':
        for (const block of [...this.activeBlocks]) this.unblock(block);
        return null;
      case 'link': {
        const overlay: LinkOverlay = {
          pairs: matchLinkPairs(action.links, nodes.names),
          lossProbability: action.lossProbability,
          duplicateProbability: action.duplicateProbability,
          extraDelay: action.delay ? compileSampler(action.delay) : null,
        };
        this.links.addOverlay(overlay);
        return () => this.links.removeOverlay(overlay);
      }
      case 'slow': {
        const indices = this.indices(action.nodes);
        for (const i of indices) nodes.slowFactor[i] = action.factor;
        return () => indices.forEach((i) => (nodes.slowFactor[i] = 1));
      }
    }
  }

  private indices(names: readonly string[]): number[] {
    return names.map((name) => {
      const index = this.nodes.names.indexOf(name);
      assert(index >= 0, `fault names unknown node ${name}`);
      return index;
    });
  }

  /** Every ordered pair of nodes in different groups; nodes in no group stay connected. */
  private partitionPairs(groups: readonly (readonly string[])[]): number[][] {
    const groupOf = new Int32Array(this.nodes.names.length).fill(-1);
    groups.forEach((group, g) => this.indices(group).forEach((i) => (groupOf[i] = g)));
    const pairs: number[][] = [];
    for (let from = 0; from < groupOf.length; from++) {
      for (let to = 0; to < groupOf.length; to++) {
        if (groupOf[from]! >= 0 && groupOf[to]! >= 0 && groupOf[from] !== groupOf[to]) pairs.push([from, to]);
      }
    }
    return pairs;
  }

  private block(pairs: readonly number[][]): Revert {
    const block: ActiveBlock = { pairs, active: true };
    this.activeBlocks.push(block);
    for (const [from, to] of pairs) this.links.blockCount[this.links.index(from!, to!)]!++;
    this.updateCut(pairs);
    return () => this.unblock(block);
  }

  private unblock(block: ActiveBlock): void {
    if (!block.active) return;
    block.active = false;
    this.activeBlocks.splice(this.activeBlocks.indexOf(block), 1);
    for (const [from, to] of block.pairs) this.links.blockCount[this.links.index(from!, to!)]!--;
    this.updateCut(block.pairs);
  }

  private updateCut(pairs: readonly number[][]): void {
    const touched = new Set<number>();
    for (const [from, to] of pairs) {
      touched.add(from!);
      touched.add(to!);
    }
    const n = this.nodes.names.length;
    for (const node of [...touched].sort((a, b) => a - b)) {
      let cut = false;
      for (let other = 0; other < n && !cut; other++) {
        cut = this.links.blockCount[node * n + other]! > 0 || this.links.blockCount[other * n + node]! > 0;
      }
      if (cut !== (this.cut[node] === 1)) {
        this.cut[node] = cut ? 1 : 0;
        this.cutObserver.onCutChange(node, cut);
      }
    }
  }
}
