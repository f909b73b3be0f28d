// Quality of service of failure detectors (Chen, Toueg and Aguilera, "On the quality of service
// of failure detectors", 2002), measured against the simulator's truth: for every monitor-target
// pair, the detection time (true crash to the monitor's lasting suspicion), wrong suspicions of
// live nodes and how long they last, and the query accuracy (fraction of time a monitor's view of
// a live target is right). Lives in a model's Shared state: monitors report their views, the
// oracle reports true status changes. Must not be used by node behaviour to decide anything.
//
// Conventions (the paper assumes crash-stop; ddsim also has restarts and pauses):
// - a paused target is live: suspecting it is a mistake (that is the lesson of a GC pause);
// - a target already suspected when it crashes is detected at once (detection time 0);
// - a crash not detected before the target restarts or the workload ends is undetected;
// - a monitor that is down has no view: its pairs are not measured, and a crash it missed while
//   down is timed from its restart;
// - after a restart, a monitor still suspecting the target counts against query accuracy, but is
//   not a new false suspicion (it was right when it began);
// - measurement stops at the end of the workload; a mistake still open then is closed there.

import type { MetricDeclaration, MetricsRecorder, TimelineMarks, TruthOracle, ModelSetup } from '../../api.js';
import { assert } from '../../assert.js';

export const DETECTOR_METRIC_NAMES: readonly MetricDeclaration[] = [
  { histogram: 'detector.detection-time', unit: 'ms' },
  { name: 'detector.detections', unit: 'count' },
  { name: 'detector.undetected-crashes', unit: 'count' },
  { name: 'detector.false-suspicions', unit: 'count' },
  { histogram: 'detector.mistake-duration', unit: 'ms' },
  { name: 'detector.query-accuracy', unit: 'ratio' },
  { name: 'detector.suspicions', unit: 'count' },
];

/** The name of the timeline flag drawn beside a node's lane while any monitor suspects it. */
export const SUSPECTED_FLAG = 'suspected';

interface PairState {
  readonly monitor: string;
  readonly target: string;
  suspected: boolean;
  /** The target crashed at this time and this monitor has not suspected it since. */
  pendingCrashSinceUs: number | null;
  /** A wrong suspicion of a live target began at this time. */
  mistakeSinceUs: number | null;
  /** Measured time (monitor up, target live) and the part of it the view was wrong, in µs. */
  liveUs: number;
  wrongUs: number;
  lastAccountedUs: number;
}

export interface QosTrackerOptions {
  readonly oracle: TruthOracle;
  readonly metrics: MetricsRecorder;
  readonly timeline: TimelineMarks;
  /** Monitor-target pairs, in a deterministic order. */
  readonly pairs: readonly (readonly [monitor: string, target: string])[];
  /** Measurement stops here (the end of the workload), in µs. */
  readonly endUs: number;
}

export class DetectorQosTracker {
  private readonly pairs: PairState[] = [];
  private readonly pairByKey = new Map<string, PairState>();
  private readonly pairsByNode = new Map<string, PairState[]>();
  /** Monitors currently suspecting each target, for the timeline flag. */
  private readonly suspectingCount = new Map<string, number>();
  /** Each node's true status as of the last change: accounting needs the one *before* a change. */
  private readonly statusByNode = new Map<string, 'up' | 'down' | 'paused'>();
  private finished = false;

  constructor(private readonly options: QosTrackerOptions) {
    for (const [monitor, target] of options.pairs) {
      assert(monitor !== target, 'a node does not monitor itself');
      const state: PairState = {
        monitor,
        target,
        suspected: false,
        pendingCrashSinceUs: null,
        mistakeSinceUs: null,
        liveUs: 0,
        wrongUs: 0,
        lastAccountedUs: 0,
      };
      this.pairs.push(state);
      for (const node of [monitor, target]) this.statusByNode.set(node, options.oracle.status(node));
      this.pairByKey.set(pairKey(monitor, target), state);
      for (const node of [monitor, target]) {
        const list = this.pairsByNode.get(node) ?? [];
        list.push(state);
        this.pairsByNode.set(node, list);
      }
    }
    options.oracle.onStatusChange((node, status) => this.onTruthChange(node, status));
  }

  /** A monitor's view of a target changed (called by the monitor's listener). */
  onViewChange(monitor: string, target: string, suspected: boolean): void {
    const pair = this.pairByKey.get(pairKey(monitor, target));
    if (!pair || this.stopped() || pair.suspected === suspected) return;
    const { oracle, metrics } = this.options;
    const nowUs = oracle.nowUs();
    this.account(pair, nowUs);
    pair.suspected = suspected;
    this.updateFlag(target, suspected ? 1 : -1);
    const targetDown = this.statusOf(target) === 'down';
    if (suspected) {
      metrics.count('detector.suspicions');
      if (targetDown && pair.pendingCrashSinceUs !== null) {
        metrics.observe('detector.detection-time', (nowUs - pair.pendingCrashSinceUs) / 1000);
        metrics.count('detector.detections');
        pair.pendingCrashSinceUs = null;
      } else if (!targetDown) {
        metrics.count('detector.false-suspicions');
        pair.mistakeSinceUs = nowUs;
      }
    } else {
      this.closeMistake(pair, nowUs);
    }
  }

  /** Closes the books at the end of the workload. Idempotent. */
  finish(): void {
    if (this.finished) return;
    const endUs = this.options.endUs;
    for (const pair of this.pairs) {
      this.account(pair, endUs);
      this.closeMistake(pair, endUs);
      if (pair.pendingCrashSinceUs !== null) this.options.metrics.count('detector.undetected-crashes');
      pair.pendingCrashSinceUs = null;
    }
    this.finished = true;
    let liveUs = 0;
    let wrongUs = 0;
    for (const pair of this.pairs) {
      liveUs += pair.liveUs;
      wrongUs += pair.wrongUs;
    }
    if (liveUs > 0) this.options.metrics.set('detector.query-accuracy', 1 - wrongUs / liveUs);
  }

  private stopped(): boolean {
    return this.finished || this.options.oracle.nowUs() >= this.options.endUs;
  }

  private onTruthChange(node: string, status: 'up' | 'down' | 'paused'): void {
    if (this.stopped()) return;
    const nowUs = this.options.oracle.nowUs();
    const pairs = this.pairsByNode.get(node) ?? [];
    for (const pair of pairs) this.account(pair, nowUs);
    this.statusByNode.set(node, status);
    for (const pair of pairs) {
      if (pair.target === node) this.onTargetChange(pair, status, nowUs);
      else this.onMonitorChange(pair, status, nowUs);
    }
  }

  private onTargetChange(pair: PairState, status: 'up' | 'down' | 'paused', nowUs: number): void {
    if (status === 'down') {
      // A wrong suspicion in progress became a right one.
      this.closeMistake(pair, nowUs);
      if (this.statusOf(pair.monitor) === 'down') return;
      pair.pendingCrashSinceUs = pair.suspected ? null : nowUs;
      if (pair.suspected) {
        this.options.metrics.observe('detector.detection-time', 0);
        this.options.metrics.count('detector.detections');
      }
    } else if (pair.pendingCrashSinceUs !== null && status === 'up') {
      // Restarted before this monitor noticed the crash.
      this.options.metrics.count('detector.undetected-crashes');
      pair.pendingCrashSinceUs = null;
    }
  }

  private onMonitorChange(pair: PairState, status: 'up' | 'down' | 'paused', nowUs: number): void {
    if (status === 'down') {
      // The monitor's detector died with it: it has no view any more.
      this.closeMistake(pair, nowUs);
      if (pair.suspected) this.updateFlag(pair.target, -1);
      pair.suspected = false;
      pair.pendingCrashSinceUs = null;
    } else if (status === 'up' && this.statusOf(pair.target) === 'down' && pair.pendingCrashSinceUs === null && !pair.suspected) {
      // A restarted monitor can only find the dead target from now on.
      pair.pendingCrashSinceUs = nowUs;
    }
  }

  /** Adds the time since the last event to the pair's live and wrong totals. */
  private account(pair: PairState, nowUs: number): void {
    const elapsedUs = Math.min(nowUs, this.options.endUs) - pair.lastAccountedUs;
    if (elapsedUs > 0 && this.statusOf(pair.monitor) !== 'down' && this.statusOf(pair.target) !== 'down') {
      pair.liveUs += elapsedUs;
      if (pair.suspected) pair.wrongUs += elapsedUs;
    }
    pair.lastAccountedUs = Math.max(pair.lastAccountedUs, Math.min(nowUs, this.options.endUs));
  }

  private statusOf(node: string): 'up' | 'down' | 'paused' {
    return this.statusByNode.get(node) ?? 'up';
  }

  private closeMistake(pair: PairState, nowUs: number): void {
    if (pair.mistakeSinceUs === null) return;
    this.options.metrics.observe('detector.mistake-duration', (nowUs - pair.mistakeSinceUs) / 1000);
    pair.mistakeSinceUs = null;
  }

  private updateFlag(target: string, delta: 1 | -1): void {
    const count = (this.suspectingCount.get(target) ?? 0) + delta;
    assert(count >= 0, 'suspicion count below zero');
    this.suspectingCount.set(target, count);
    if (count === 0 && delta === -1) this.options.timeline.setFlag(target, SUSPECTED_FLAG, false);
    if (count === 1 && delta === 1) this.options.timeline.setFlag(target, SUSPECTED_FLAG, true);
  }
}

function pairKey(monitor: string, target: string): string {
  return `${monitor}\u0000${target}`;
}

/** A tracker measuring the given monitor-target pairs over a model's run (until `duration`). */
export function trackDetectorQuality(
  setup: Pick<ModelSetup, 'oracle' | 'metrics' | 'timeline' | 'durationUs'>,
  pairs: QosTrackerOptions['pairs'],
): DetectorQosTracker {
  return new DetectorQosTracker({
    oracle: setup.oracle,
    metrics: setup.metrics,
    timeline: setup.timeline,
    pairs,
    endUs: setup.durationUs,
  });
}

