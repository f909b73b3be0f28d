// Every node's clocks for one run: readings for the node contexts (ctx.nowUs, ctx.monotonicUs),
// the offset for the oracle, the true span of a timer's delay, synchronization (NTP-like: every
// `every` of true time, stepping or slewing the time-of-day clock to within a drawn error), and
// the verbs clock faults use (step, a drift override, synchronization off). While every clock is
// perfect (the default, until a clock fault) readings are true time and nothing is tracked.
// Random draws: each node's drift from `clocks/drift/<node>`, its sync phase and errors from
// `clocks/sync/<node>`.

import type { Kernel } from '../kernel/kernel.js';
import type { Sfc32Stream, StreamFactory } from '../kernel/random-stream.js';
import { assert } from '../model/assert.js';
import { clocksArePerfect, DRIFT_PPM_MAX, type ClocksSpec, type DriftSpec, type SyncErrorSpec, type SyncSpec } from './clock-spec.js';
import { ClockStats, type BucketGrid, type ClockSummary } from './clock-stats.js';
import { NodeClock } from './node-clock.js';

interface SyncEvent {
  readonly nodeIndex: number;
}

interface SlewEnd {
  readonly nodeIndex: number;
  readonly generation: number;
}

/** A drift a clock fault imposes, until its revert removes it (the latest active one wins). */
interface DriftOverride {
  readonly ppm: number;
}

export interface ClockRunSummary extends ClockSummary {
  readonly backwardSteps: number;
  /** False when every clock stayed equal to true time (no clock row, no clock work). */
  readonly active: boolean;
}

export class ClockTable {
  private readonly clocks: NodeClock[];
  private readonly baseDriftPpm: Float64Array;
  private readonly driftOverrides: DriftOverride[][];
  private readonly syncOffCount: Int32Array;
  private readonly slewGeneration: Int32Array;
  private readonly syncStreams: (Sfc32Stream | null)[];
  private readonly live: Uint8Array;
  private stats: ClockStats | null = null;
  private perfect: boolean;
  private backwardStepCount = 0;
  private readonly syncKind: number;
  private readonly slewEndKind: number;
  /** Called after a node's oscillator rate changed, so its pending timers can be rescheduled. */
  onRateChange: (nodeIndex: number) => void = () => {};

  constructor(
    private readonly kernel: Kernel,
    private readonly names: readonly string[],
    private readonly spec: ClocksSpec,
    streams: StreamFactory,
    private readonly grid: BucketGrid,
  ) {
    assert(spec.nodes.length === names.length, 'one clock spec per node');
    this.baseDriftPpm = Float64Array.from(spec.nodes, (node, i) => drawDrift(node.drift, () => streams.stream(`clocks/drift/${names[i]}`)));
    this.clocks = spec.nodes.map((node, i) => new NodeClock(this.baseDriftPpm[i]!, node.offsetUs));
    this.driftOverrides = names.map(() => []);
    this.syncOffCount = new Int32Array(names.length);
    this.slewGeneration = new Int32Array(names.length);
    this.live = new Uint8Array(names.length).fill(1);
    const sync = spec.sync;
    this.syncStreams = spec.nodes.map((node, i) => (sync !== null && node.syncs ? streams.stream(`clocks/sync/${names[i]}`) : null));
    this.perfect = clocksArePerfect(spec);
    this.syncKind = kernel.registerHandler((event: SyncEvent) => this.synchronize(event.nodeIndex), 'clock sync');
    this.slewEndKind = kernel.registerHandler((event: SlewEnd) => this.endSlew(event), 'clock slew end');
  }

  /** Starts synchronization and measurement; call once the nodes have started. */
  start(): void {
    if (!this.perfect) this.activate();
    const sync = this.spec.sync;
    if (sync === null) return;
    this.syncStreams.forEach((stream, i) => {
      if (stream === null) return;
      const phaseUs = sync.everyUs * (1 - stream.next()); // in (0, every]
      this.kernel.scheduleAfter(phaseUs, this.syncKind, { nodeIndex: i } satisfies SyncEvent);
    });
  }

  get isPerfect(): boolean {
    return this.perfect;
  }

  /** The node's time-of-day clock, in whole microseconds. */
  timeOfDayUs(node: number): number {
    const nowUs = this.kernel.nowUs;
    return this.perfect ? nowUs : Math.floor(nowUs + this.clocks[node]!.offsetAt(nowUs));
  }

  /** The node's monotonic clock, in whole microseconds. */
  monotonicUs(node: number): number {
    return this.perfect ? this.kernel.nowUs : Math.floor(this.exactMonotonicUs(node));
  }

  exactMonotonicUs(node: number): number {
    return this.perfect ? this.kernel.nowUs : this.clocks[node]!.monotonicAt(this.kernel.nowUs);
  }

  offsetUs(node: number): number {
    return this.perfect ? 0 : this.clocks[node]!.offsetAt(this.kernel.nowUs);
  }

  /** True time for `monotonicUs` of the node's monotonic clock at its current rate. */
  trueSpanUs(node: number, monotonicUs: number): number {
    return this.perfect ? monotonicUs : this.clocks[node]!.trueSpanOf(monotonicUs);
  }

  /** Steps the node's time-of-day clock (a clock fault's offset or jump, or its revert). */
  step(node: number, deltaUs: number): void {
    this.activate();
    this.change(node, (clock, nowUs) => clock.step(nowUs, deltaUs));
    if (deltaUs < 0) this.backwardStepCount++;
  }

  /** Runs the node's oscillator at `ppm` until the returned function is called. */
  overrideDrift(node: number, ppm: number): () => void {
    this.activate();
    const override: DriftOverride = { ppm };
    this.driftOverrides[node]!.push(override);
    this.applyDrift(node);
    return () => {
      const overrides = this.driftOverrides[node]!;
      overrides.splice(overrides.indexOf(override), 1);
      this.applyDrift(node);
    };
  }

  /** Stops the node's synchronization (NTP unreachable) until the returned function is called. */
  disableSync(node: number): () => void {
    this.activate();
    this.syncOffCount[node]!++;
    return () => {
      this.syncOffCount[node]!--;
    };
  }

  /** The run's node status observer calls this: skew is measured over live (not crashed) nodes. */
  onLiveChange(node: number, live: boolean): void {
    if (this.live[node] === (live ? 1 : 0)) return;
    this.stats?.onLiveSetChange(this.kernel.nowUs);
    this.live[node] = live ? 1 : 0;
    this.stats?.onLiveSetChange(this.kernel.nowUs);
  }

  finish(): ClockRunSummary {
    const summary = this.stats?.finish(this.kernel.nowUs);
    return {
      active: this.stats !== null,
      offsetMaxUs: summary?.offsetMaxUs ?? 0,
      skewMaxUs: summary?.skewMaxUs ?? 0,
      offsetMaxUsPerBucket: summary?.offsetMaxUsPerBucket ?? [],
      backwardSteps: this.backwardStepCount,
    };
  }

  private activate(): void {
    this.perfect = false;
    this.stats ??= new ClockStats(this.clocks, this.grid, (node) => this.live[node] === 1, this.kernel.nowUs);
  }

  private change(node: number, apply: (clock: NodeClock, nowUs: number) => void): void {
    const nowUs = this.kernel.nowUs;
    this.stats!.beforeChange(node, nowUs);
    apply(this.clocks[node]!, nowUs);
    this.stats!.afterChange(node, nowUs);
  }

  private applyDrift(node: number): void {
    const overrides = this.driftOverrides[node]!;
    const ppm = overrides.length === 0 ? this.baseDriftPpm[node]! : overrides[overrides.length - 1]!.ppm;
    if (ppm === this.clocks[node]!.driftPpm) return;
    this.change(node, (clock, nowUs) => clock.setDrift(nowUs, ppm));
    this.onRateChange(node);
  }

  private synchronize(node: number): void {
    const sync = this.spec.sync!;
    const stream = this.syncStreams[node]!;
    this.kernel.scheduleAfter(sync.everyUs, this.syncKind, { nodeIndex: node } satisfies SyncEvent);
    const errorUs = drawSyncError(sync.error, stream); // drawn even when off: a fault does not reshuffle later draws
    if (this.syncOffCount[node]! > 0) return;
    const nowUs = this.kernel.nowUs;
    const gapUs = errorUs - this.clocks[node]!.offsetAt(nowUs);
    if (sync.mode === 'step') this.stepTo(node, gapUs);
    else this.slewBy(node, gapUs, sync);
  }

  private stepTo(node: number, gapUs: number): void {
    if (gapUs === 0) return;
    this.change(node, (clock, nowUs) => clock.step(nowUs, gapUs));
    if (gapUs < 0) this.backwardStepCount++;
  }

  /** Runs the time-of-day clock at ±maxSlew until the gap is closed (drift still applies meanwhile). */
  private slewBy(node: number, gapUs: number, sync: SyncSpec): void {
    const generation = ++this.slewGeneration[node]!;
    const slewPpm = gapUs === 0 ? 0 : Math.sign(gapUs) * sync.maxSlewPpm;
    this.change(node, (clock, nowUs) => clock.setSlew(nowUs, slewPpm));
    if (slewPpm === 0) return;
    const closingUs = gapUs / (this.clocks[node]!.offsetRatePpm * 1e-6);
    // A drift stronger than the slew never closes the gap: slew until the next synchronization.
    if (!(closingUs > 0 && Number.isFinite(closingUs))) return;
    this.kernel.scheduleAfter(closingUs, this.slewEndKind, { nodeIndex: node, generation } satisfies SlewEnd);
  }

  private endSlew(event: SlewEnd): void {
    if (event.generation !== this.slewGeneration[event.nodeIndex]) return;
    this.change(event.nodeIndex, (clock, nowUs) => clock.setSlew(nowUs, 0));
  }
}

function drawDrift(spec: DriftSpec, stream: () => Sfc32Stream): number {
  return Math.max(-DRIFT_PPM_MAX, Math.min(DRIFT_PPM_MAX, drawDriftUnclamped(spec, stream)));
}

function drawDriftUnclamped(spec: DriftSpec, stream: () => Sfc32Stream): number {
  switch (spec.kind) {
    case 'constant':
      return spec.ppm;
    case 'uniform':
      return spec.minPpm + (spec.maxPpm - spec.minPpm) * stream().next();
    case 'normal':
      return spec.meanPpm + spec.stddevPpm * stream().normal();
  }
}

function drawSyncError(spec: SyncErrorSpec, stream: Sfc32Stream): number {
  switch (spec.kind) {
    case 'constant':
      return spec.valueUs;
    case 'uniform':
      return spec.minUs + (spec.maxUs - spec.minUs) * stream.next();
    case 'normal':
      return spec.meanUs + spec.stddevUs * stream.normal();
  }
}
