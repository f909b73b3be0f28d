// Process pauses as they truly happened (a GC pause, a suspended VM): how many, and the longest.
// A pause ends when the node resumes or crashes while paused; one still going at the end of the
// run counts with its length so far.

import { NODE_PAUSED, type NodeStatus } from './node-status.js';

export class PauseStats {
  private readonly pausedSinceUs: Float64Array;
  private count = 0;
  private longestUs = 0;

  constructor(
    nodeCount: number,
    private readonly nowUs: () => number,
  ) {
    this.pausedSinceUs = new Float64Array(nodeCount).fill(-1);
  }

  onStatusChange(nodeIndex: number, status: NodeStatus): void {
    const since = this.pausedSinceUs[nodeIndex]!;
    if (status === NODE_PAUSED) {
      if (since < 0) this.pausedSinceUs[nodeIndex] = this.nowUs();
      return;
    }
    if (since >= 0) this.end(nodeIndex, since);
  }

  finish(): { count: number; longestUs: number } {
    this.pausedSinceUs.forEach((since, node) => {
      if (since >= 0) this.end(node, since);
    });
    return { count: this.count, longestUs: this.longestUs };
  }

  private end(nodeIndex: number, sinceUs: number): void {
    this.count++;
    this.longestUs = Math.max(this.longestUs, this.nowUs() - sinceUs);
    this.pausedSinceUs[nodeIndex] = -1;
  }
}
