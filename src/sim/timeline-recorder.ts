// Records, per node and per time bucket, the worst state the node was in (down > paused > cut >
// up), and per bucket the successful and failed requests. A fixed number of buckets over the
// scenario's duration keeps memory independent of simulated time; the drain phase after the
// duration falls into the last bucket.

import type { NodeLaneState, Timeline } from '../run/result.js';
import { NODE_PAUSED, NODE_UP, type NodeStatus } from './node-status.js';

export const TIMELINE_BUCKET_COUNT = 200;

const STATE_ORDER: readonly NodeLaneState[] = ['up', 'cut', 'paused', 'down'];
const UP = 0;
const CUT = 1;
const PAUSED = 2;
const DOWN = 3;

export class TimelineRecorder {
  readonly bucketUs: number;
  private readonly lanes: Uint8Array[];
  private readonly status: Uint8Array;
  private readonly cut: Uint8Array;
  private readonly sinceUs: Float64Array;
  private readonly failures = new Float64Array(TIMELINE_BUCKET_COUNT);
  private readonly successes = new Float64Array(TIMELINE_BUCKET_COUNT);

  constructor(
    private readonly nodeNames: readonly string[],
    durationUs: number,
    private readonly nowUs: () => number,
  ) {
    this.bucketUs = Math.max(1, Math.ceil(durationUs / TIMELINE_BUCKET_COUNT));
    this.lanes = nodeNames.map(() => new Uint8Array(TIMELINE_BUCKET_COUNT));
    this.status = new Uint8Array(nodeNames.length);
    this.cut = new Uint8Array(nodeNames.length);
    this.sinceUs = new Float64Array(nodeNames.length);
  }

  onStatusChange(nodeIndex: number, status: NodeStatus): void {
    this.flush(nodeIndex);
    this.status[nodeIndex] = status === NODE_UP ? UP : status === NODE_PAUSED ? PAUSED : DOWN;
  }

  onCutChange(nodeIndex: number, cut: boolean): void {
    this.flush(nodeIndex);
    this.cut[nodeIndex] = cut ? 1 : 0;
  }

  /** Counts `requests.ok` and `requests.failed` per bucket (other names are ignored). */
  add(name: string, delta: number): void {
    if (name === 'requests.failed') this.failures[this.bucket(this.nowUs())]! += delta;
    else if (name === 'requests.ok') this.successes[this.bucket(this.nowUs())]! += delta;
  }

  finish(): Timeline {
    for (let i = 0; i < this.nodeNames.length; i++) this.flush(i);
    return {
      bucketUs: this.bucketUs,
      bucketCount: TIMELINE_BUCKET_COUNT,
      lanes: this.nodeNames.map((node, i) => ({
        node,
        states: Array.from(this.lanes[i]!, (state) => STATE_ORDER[state]!),
      })),
      failuresPerBucket: Array.from(this.failures),
      successesPerBucket: Array.from(this.successes),
    };
  }

  /** Marks the node's current state over every bucket from its last change until now. */
  private flush(nodeIndex: number): void {
    const state = Math.max(this.status[nodeIndex]!, this.cut[nodeIndex] ? CUT : UP);
    const now = this.nowUs();
    const lane = this.lanes[nodeIndex]!;
    if (state !== UP) {
      const last = this.bucket(now);
      for (let b = this.bucket(this.sinceUs[nodeIndex]!); b <= last; b++) if (lane[b]! < state) lane[b] = state;
    }
    this.sinceUs[nodeIndex] = now;
  }

  private bucket(timeUs: number): number {
    return Math.min(TIMELINE_BUCKET_COUNT - 1, Math.floor(timeUs / this.bucketUs));
  }
}
