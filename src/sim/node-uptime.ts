// Time-integrals of node status: how many nodes were down on average, and for what fraction of
// the scenario's duration every node was up ("in a large cluster something is always broken").
// Paused counts as up here: the process exists, it just is not running.

import { NODE_DOWN_REFUSING, NODE_DOWN_SILENT, type NodeStatus } from './node-status.js';

export class NodeUptime {
  private readonly down: Uint8Array;
  private downCount = 0;
  private lastChangeUs = 0;
  private downNodeUs = 0;
  private allUpUs = 0;

  constructor(
    nodeCount: number,
    private readonly durationUs: number,
    private readonly nowUs: () => number,
  ) {
    this.down = new Uint8Array(nodeCount);
  }

  onStatusChange(nodeIndex: number, status: NodeStatus): void {
    this.accumulate();
    const down = status === NODE_DOWN_REFUSING || status === NODE_DOWN_SILENT ? 1 : 0;
    this.downCount += down - this.down[nodeIndex]!;
    this.down[nodeIndex] = down;
  }

  /** Over [0, duration]: mean number of nodes down, and fraction of time with all nodes up. */
  finish(): { downMean: number; allUpFraction: number } {
    this.accumulate();
    const spanUs = Math.max(1, this.durationUs);
    return { downMean: this.downNodeUs / spanUs, allUpFraction: this.allUpUs / spanUs };
  }

  private accumulate(): void {
    const nowUs = Math.min(this.nowUs(), this.durationUs);
    const elapsedUs = nowUs - this.lastChangeUs;
    if (elapsedUs <= 0) return;
    this.downNodeUs += this.downCount * elapsedUs;
    if (this.downCount === 0) this.allUpUs += elapsedUs;
    this.lastChangeUs = nowUs;
  }
}
