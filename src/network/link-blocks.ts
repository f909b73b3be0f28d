// Which directed links are blocked by partitions and cuts. A block is a set of (from, to) pairs;
// blocks overlap freely (a link is open when no active block holds it), and each node's
// "cut off" state (some link to or from it is blocked) is tracked for the timeline.
// Stored sparsely, by link key (`from * nodeCount + to`): memory grows with the blocked links,
// not with n², and while nothing is blocked the network's check is one comparison.
// Only this class changes the counts; the network reads them on every transmission.

import { assert } from '../model/assert.js';

/** One active partition or cut, as returned by block(); pass it to unblock(). */
export interface LinkBlock {
  readonly pairs: readonly (readonly number[])[];
  active: boolean;
}

export type CutListener = (nodeIndex: number, cut: boolean) => void;

export class LinkBlocks {
  /** How many active blocks hold each blocked link, by link key; absent = open. */
  private readonly count = new Map<number, number>();
  private readonly active: LinkBlock[] = [];
  /** Per node: how many blocked links start or end at it (a link from a node to itself counts twice). */
  private readonly blockedEnds: Int32Array;
  private readonly cut: Uint8Array;

  constructor(
    private readonly nodeCount: number,
    private readonly onCutChange: CutListener,
  ) {
    this.blockedEnds = new Int32Array(nodeCount);
    this.cut = new Uint8Array(nodeCount);
  }

  /** How many links are blocked now (count.size, kept as a field): 0 lets the network skip the per-link check. */
  blockedLinkCount = 0;

  isBlocked(from: number, to: number): boolean {
    return this.blockedLinkCount !== 0 && this.count.has(from * this.nodeCount + to);
  }

  /** isBlocked by link key (`from * nodeCount + to`). */
  isLinkBlocked(link: number): boolean {
    return this.blockedLinkCount !== 0 && this.count.has(link);
  }

  block(pairs: readonly (readonly number[])[]): LinkBlock {
    const block: LinkBlock = { pairs, active: true };
    this.active.push(block);
    for (const [from, to] of pairs) {
      const link = from! * this.nodeCount + to!;
      const count = this.count.get(link) ?? 0;
      this.count.set(link, count + 1);
      if (count === 0) this.addBlockedEnds(from!, to!, 1);
      this.blockedLinkCount = this.count.size;
    }
    this.updateCut(pairs);
    return block;
  }

  /** Removes a block; a no-op when it was already removed (by unblockAll, say). */
  unblock(block: LinkBlock): void {
    if (!block.active) return;
    block.active = false;
    this.active.splice(this.active.indexOf(block), 1);
    for (const [from, to] of block.pairs) {
      const link = from! * this.nodeCount + to!;
      const count = this.count.get(link) ?? 0;
      assert(count > 0, `link ${from} -> ${to} unblocked more often than blocked`);
      if (count > 1) {
        this.count.set(link, count - 1);
        continue;
      }
      this.count.delete(link);
      this.addBlockedEnds(from!, to!, -1);
      this.blockedLinkCount = this.count.size;
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

  private addBlockedEnds(from: number, to: number, delta: number): void {
    this.blockedEnds[from]! += delta;
    this.blockedEnds[to]! += delta;
  }

  private updateCut(pairs: readonly (readonly number[])[]): void {
    const touched = new Set<number>();
    for (const [from, to] of pairs) {
      touched.add(from!);
      touched.add(to!);
    }
    for (const node of [...touched].sort((a, b) => a - b)) {
      const cut = this.blockedEnds[node]! > 0;
      if (cut !== (this.cut[node] === 1)) {
        this.cut[node] = cut ? 1 : 0;
        this.onCutChange(node, cut);
      }
    }
  }
}
