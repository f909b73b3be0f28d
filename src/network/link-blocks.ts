// Which directed links are blocked by partitions and cuts. A block is a set of (from, to) pairs;
// blocks overlap freely (a link is open when no active block holds it), and each node's
// "cut off" state (some link to or from it is blocked) is tracked for the timeline.
// Only this class changes the counts; the network reads them on every transmission.

import { assert } from '../model/assert.js';

/** One active partition or cut, as returned by block(); pass it to unblock(). */
export interface LinkBlock {
  readonly pairs: readonly (readonly number[])[];
  active: boolean;
}

export type CutListener = (nodeIndex: number, cut: boolean) => void;

export class LinkBlocks {
  /** How many active blocks hold each link (`from * nodeCount + to`); 0 = open. */
  readonly count: Int32Array;
  private readonly active: LinkBlock[] = [];
  private readonly cut: Uint8Array;

  constructor(
    private readonly nodeCount: number,
    private readonly onCutChange: CutListener,
  ) {
    this.count = new Int32Array(nodeCount * nodeCount);
    this.cut = new Uint8Array(nodeCount);
  }

  isBlocked(from: number, to: number): boolean {
    return this.count[from * this.nodeCount + to]! > 0;
  }

  block(pairs: readonly (readonly number[])[]): LinkBlock {
    const block: LinkBlock = { pairs, active: true };
    this.active.push(block);
    for (const [from, to] of pairs) this.count[from! * this.nodeCount + to!]!++;
    this.updateCut(pairs);
    return block;
  }

  /** Removes a block; a no-op when it was already removed (by unblockAll, say). */
  unblock(block: LinkBlock): void {
    if (!block.active) return;
    block.active = false;
    this.active.splice(this.active.indexOf(block), 1);
    for (const [from, to] of block.pairs) {
      const i = from! * this.nodeCount + to!;
      assert(this.count[i]! > 0, `link ${from} -> ${to} unblocked more often than blocked`);
      this.count[i]!--;
    }
    this.updateCut(block.pairs);
  }

  /** Removes every block (a `heal`); returns the pairs that were blocked. */
  unblockAll(): (readonly number[])[] {
    const pairs: (readonly number[])[] = [];
    for (const block of [...this.active]) {
      pairs.push(...block.pairs);
      this.unblock(block);
    }
    return pairs;
  }

  private updateCut(pairs: readonly (readonly number[])[]): void {
    const touched = new Set<number>();
    for (const [from, to] of pairs) {
      touched.add(from!);
      touched.add(to!);
    }
    const n = this.nodeCount;
    for (const node of [...touched].sort((a, b) => a - b)) {
      let cut = false;
      for (let other = 0; other < n && !cut; other++) {
        cut = this.count[node * n + other]! > 0 || this.count[other * n + node]! > 0;
      }
      if (cut !== (this.cut[node] === 1)) {
        this.cut[node] = cut ? 1 : 0;
        this.onCutChange(node, cut);
      }
    }
  }
}
