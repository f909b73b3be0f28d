// Records, per node and per time bucket, the worst state the node was in (down > paused > cut >
// up), per bucket the successful and failed requests, and flags a model sets on nodes (e.g.
// `suspected`). A fixed number of buckets over the
// scenario's duration keeps memory independent of simulated time; the drain phase after the
// duration falls into the last bucket.

import { describeBadValue, ModelApiMisuse } from '../model/api-misuse.js';
import { DEFAULT_TIMELINE_SERIES, type TimelineSeries } from '../model/api.js';
import type { NodeLaneState, Timeline, TimelineFlag } from '../result/run-result.js';
import { NODE_PAUSED, NODE_UP, type NodeStatus } from './node-status.js';
import { NO_SERIES } from '../metrics/metrics-store.js';

export const TIMELINE_BUCKET_COUNT = 200;

/** Distinct flag names per node: a bound, so a model bug cannot grow memory without limit. */
const FLAGS_PER_NODE_MAX = 8;

/** One model-set flag of one node (e.g. `suspected`): buckets in which it was on. */
interface FlagTrack {
  on: boolean;
  sinceUs: number;
  readonly buckets: Uint8Array;
}

const STATE_ORDER: readonly NodeLaneState[] = ['up', 'cut', 'paused', 'down'];
const FAILURE_SERIES = 0;
const SUCCESS_SERIES = 1;

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
  private readonly flags: Map<string, FlagTrack>[];

  private readonly failedNames: ReadonlySet<string>;
  private readonly okNames: ReadonlySet<string>;

  constructor(
    private readonly nodeNames: readonly string[],
    durationUs: number,
    private readonly nowUs: () => number,
    private readonly series: TimelineSeries = DEFAULT_TIMELINE_SERIES,
  ) {
    this.failedNames = new Set(series.failed);
    this.okNames = new Set(series.ok);
    this.bucketUs = Math.max(1, Math.ceil(durationUs / TIMELINE_BUCKET_COUNT));
    this.lanes = nodeNames.map(() => new Uint8Array(TIMELINE_BUCKET_COUNT));
    this.status = new Uint8Array(nodeNames.length);
    this.cut = new Uint8Array(nodeNames.length);
    this.sinceUs = new Float64Array(nodeNames.length);
    this.flags = nodeNames.map(() => new Map<string, FlagTrack>());
  }

  /** A model turns a node's flag on or off (see TimelineMarks in the model API); true when it changed. */
  setFlag(nodeIndex: number, flag: string, on: boolean): boolean {
    const tracks = this.flags[nodeIndex];
    if (tracks === undefined) throw new ModelApiMisuse('timeline.setFlag', `no node ${describeBadValue(nodeIndex)}`);
    let track = tracks.get(flag);
    if (!track) {
      if (tracks.size >= FLAGS_PER_NODE_MAX) throw new ModelApiMisuse('timeline.setFlag', `more than ${FLAGS_PER_NODE_MAX} timeline flags on a node`);
      track = { on: false, sinceUs: 0, buckets: new Uint8Array(TIMELINE_BUCKET_COUNT) };
      tracks.set(flag, track);
    }
    if (track.on === on) return false;
    this.flushFlag(track);
    track.on = on;
    return true;
  }

  onStatusChange(nodeIndex: number, status: NodeStatus): void {
    this.flush(nodeIndex);
    this.status[nodeIndex] = status === NODE_UP ? UP : status === NODE_PAUSED ? PAUSED : DOWN;
  }

  onCutChange(nodeIndex: number, cut: boolean): void {
    this.flush(nodeIndex);
    this.cut[nodeIndex] = cut ? 1 : 0;
  }

  /** Which per-bucket series a counter is counted in: failures, successes or none (BucketCounter). */
  seriesOf(name: string): number {
    if (this.failedNames.has(name)) return FAILURE_SERIES;
    return this.okNames.has(name) ? SUCCESS_SERIES : NO_SERIES;
  }

  /** Counts into the failure or success series of the current bucket (BucketCounter). */
  addToSeries(series: number, delta: number): void {
    const buckets = series === FAILURE_SERIES ? this.failures : this.successes;
    buckets[this.bucket(this.nowUs())]! += delta;
  }

  finish(): Timeline {
    for (let i = 0; i < this.nodeNames.length; i++) this.flush(i);
    for (const tracks of this.flags) for (const track of tracks.values()) this.flushFlag(track);
    return {
      bucketUs: this.bucketUs,
      bucketCount: TIMELINE_BUCKET_COUNT,
      lanes: this.nodeNames.map((node, i) => {
        const states = Array.from(this.lanes[i]!, (state) => STATE_ORDER[state]!);
        const tracks = this.flags[i]!;
        if (tracks.size === 0) return { node, states };
        const flags: TimelineFlag[] = [...tracks.keys()]
          .sort()
          .map((name) => ({ name, buckets: Array.from(tracks.get(name)!.buckets, (on) => on === 1) }));
        return { node, states, flags };
      }),
      failureMetrics: [...this.series.failed],
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

  /** Marks the flag over every bucket from its last change until now, if it was on. */
  private flushFlag(track: FlagTrack): void {
    const now = this.nowUs();
    if (track.on) {
      const last = this.bucket(now);
      for (let b = this.bucket(track.sinceUs); b <= last; b++) track.buckets[b] = 1;
    }
    track.sinceUs = now;
  }

  private bucket(timeUs: number): number {
    return Math.min(TIMELINE_BUCKET_COUNT - 1, Math.floor(timeUs / this.bucketUs));
  }
}
