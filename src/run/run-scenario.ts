// Runs one validated scenario: wires kernel, network, nodes, faults and the system model
// together, runs the workload for `duration`, drains outstanding work, runs the final phase when
// there is one (every fault reverted, a quiet period, then the model's final reads), and returns
// plain data.
// Deterministic: the result depends only on the scenario (seed included), not on how the run
// is sliced (ScenarioRun.advance lets a caller keep a spinner alive between slices).

import { EventCapture, type CaptureOptions, type CapturedRun } from '../capture/event-capture.js';
import { Kernel, PendingEventsExceeded } from '../kernel/kernel.js';
import { CALLBACK_WALL_DEFAULT_US, PENDING_EVENT_COUNT_MAX_DEFAULT } from '../scenario/scenario-keys.js';
import { StreamFactory } from '../kernel/random-stream.js';
import { MetricsStore } from '../metrics/metrics-store.js';
import type { HistogramSketch } from '../metrics/streaming-histogram.js';
import { DEFAULT_TIMELINE_SERIES, type SystemModel } from '../model/api.js';
import { LinkTable } from '../network/link-table.js';
import { Network } from '../network/network.js';
import type { Scenario } from '../scenario/types.js';
import type { FaultInjector } from '../faults/fault-injector.js';
import { FaultLog } from '../sim/fault-log.js';
import { HistoryLog } from '../sim/history-log.js';
import { SimNodeContext } from '../sim/node-context.js';
import { NodeTable, Timer } from '../sim/node-table.js';
import { ClockTable } from '../sim/clock-table.js';
import { CallbackHeartbeat } from '../sim/callback-heartbeat.js';
import { TIMELINE_BUCKET_COUNT } from '../sim/timeline-recorder.js';
import { NodeUptime } from '../sim/node-uptime.js';
import { PauseStats } from '../sim/pause-stats.js';
import { TimelineRecorder } from '../sim/timeline-recorder.js';
import { FINAL_QUIET_DEFAULT_US } from '../scenario/parse-final.js';
import { NODE_PAUSED, NODE_UP } from '../sim/node-status.js';
import { createTruthOracle, type TruthOracleWithFeed } from '../sim/truth-oracle.js';
import { finishRunResult } from './finish-run-result.js';
import { createModelShared, startFaults } from './run-setup.js';
import { DeterminismTraps } from './determinism-traps.js';
import type { RunResult, StopReason } from '../result/run-result.js';

/** Simulated time between checks for outstanding work during the drain phase. */
const DRAIN_SLICE_US = 10_000;

type Phase = 'workload' | 'drain' | 'final-quiet' | 'final-reads' | 'done';

export interface ScenarioRunOptions {
  /** Capture the run's events (messages, timers, faults, status changes) within these bounds. */
  readonly capture?: CaptureOptions;
  /**
   * Told whenever model code starts and returns, so that a run stopped inside a callback that never
   * returns (limits.callback-wall, src/run/callback-watchdog.ts) can say which. Default: one nobody reads.
   */
  readonly heartbeat?: CallbackHeartbeat;
}

export class ScenarioRun {
  private readonly kernel: Kernel;
  private readonly network: Network;
  private readonly timeline: TimelineRecorder;
  private readonly metrics: MetricsStore;
  private readonly history: HistoryLog;
  private readonly faultLog = new FaultLog();
  private readonly uptime: NodeUptime;
  private readonly pauses: PauseStats;
  private readonly model: SystemModel<unknown, unknown>;
  private readonly shared: unknown;
  private readonly drainEndUs: number;
  private readonly injector: FaultInjector;
  private readonly nodes: NodeTable;
  private readonly clocks: ClockTable;
  private readonly heartbeat: CallbackHeartbeat;
  /** The end of the current final-phase step (quiet period, then final reads). */
  private finalStepEndUs = 0;
  private finalReadsFromUs: number | null = null;
  private phase: Phase = 'workload';
  private stopReason: StopReason = 'completed';
  private stopDetail: string | null = null;
  /** Work was still outstanding when a drain step's time limit ran out. */
  private drainLimitReached = false;
  private cachedResult: RunResult | null = null;
  private readonly capture: EventCapture | null;

  private readonly traps = new DeterminismTraps(() => ({ node: this.runningNode(), nowUs: this.kernel?.nowUs ?? 0 }));

  constructor(
    private readonly scenario: Scenario,
    options: ScenarioRunOptions = {},
  ) {
    const removeTraps = this.traps.install(); // createShared and createNode are model code too
    try {
      const names = scenario.nodes.map((node) => node.name);
      const heartbeat = options.heartbeat ?? new CallbackHeartbeat();
      this.heartbeat = heartbeat;
      heartbeat.startRun(names, (scenario.limits.callbackWallUs ?? CALLBACK_WALL_DEFAULT_US) / 1000);
      const indexByName = new Map(names.map((name, i) => [name, i]));
      const kernel = new Kernel(scenario.limits.eventCountMax, scenario.limits.pendingEventCountMax ?? PENDING_EVENT_COUNT_MAX_DEFAULT);
      const nowUs = () => kernel.nowUs;
      const streams = new StreamFactory(scenario.seed);
      const series = scenario.system.model.timelineSeries?.(scenario.system.config) ?? DEFAULT_TIMELINE_SERIES;
      const timeline = new TimelineRecorder(names, scenario.durationUs, nowUs, series);
      const links = new LinkTable(scenario.nodes, scenario.regions, scenario.network, (node, cut) => timeline.onCutChange(node, cut));
      const network = new Network(kernel, links, streams, names);
      const capture = options.capture === undefined ? null : new EventCapture(names, nowUs, options.capture);
      this.capture = capture;
      network.capture = capture;
      const uptime = new NodeUptime(names.length, scenario.durationUs, nowUs);
      this.uptime = uptime;
      const pauses = new PauseStats(names.length, nowUs);
      this.pauses = pauses;
      // Set once the oracle exists (the oracle reads the node table); no status changes before that.
      let oracle: TruthOracleWithFeed | null = null;
      const clocks = new ClockTable(kernel, names, scenario.clocks, streams, { bucketUs: timeline.bucketUs, bucketCount: TIMELINE_BUCKET_COUNT });
      this.clocks = clocks;
      const nodes = new NodeTable(
        names,
        kernel,
        network,
        {
          onStatusChange(nodeIndex, status) {
            timeline.onStatusChange(nodeIndex, status);
            uptime.onStatusChange(nodeIndex, status);
            pauses.onStatusChange(nodeIndex, status);
            clocks.onLiveChange(nodeIndex, status === NODE_UP || status === NODE_PAUSED);
            oracle?.notifyStatusChange(nodeIndex);
          },
        },
        clocks,
        heartbeat,
      );
      nodes.capture = capture;
      const metrics = new MetricsStore(timeline);
      const history = new HistoryLog(nowUs);
      this.kernel = kernel;
      this.network = network;
      this.timeline = timeline;
      this.metrics = metrics;
      this.history = history;

      const { model, config } = scenario.system;
      this.model = model;
      this.drainEndUs = scenario.durationUs + (model.drainLimitUs?.(config) ?? 0);
      oracle = createTruthOracle(nodes, indexByName, nowUs, (from, to) => links.blocks.isBlocked(from, to), (node) => clocks.offsetUs(node), heartbeat);
      const shared = createModelShared(model, config, { scenario, names, indexByName, streams, metrics, oracle, timeline, capture, heartbeat });
      this.shared = shared;
      const services = { nodeNames: names, indexByName, durationUs: scenario.durationUs, clocks, network, nodes, streams, metrics, history };
      const contexts = names.map((name, i) => new SimNodeContext(i, name, services));
      this.nodes = nodes;
      nodes.startBehaviour = (i) => model.createNode(contexts[i]!, config, shared);
      for (let i = 0; i < names.length; i++) nodes.start(i);
      clocks.start();

      this.injector = startFaults(scenario, { model, shared, kernel, nodes, links, clocks, streams, heartbeat, capture, faultLog: this.faultLog, faultFeed: oracle.faultFeed });
      this.traps.rethrow();
    } finally {
      removeTraps();
    }
  }

  /**
   * Calls `observer` before every event with its time, kind and node index (-1: none), for the
   * determinism check. Set before the run advances.
   */
  traceEvents(observer: (timeUs: number, kind: number, node: number) => void): void {
    this.kernel.eventObserver = (timeUs, kind, payload) => observer(timeUs, kind, eventNodeIndex(payload));
  }

  /** What an event kind is called in messages: `timer`, `message delivery`, ... */
  eventKindName(kind: number): string {
    return this.kernel.handlerName(kind);
  }

  /** The node whose model code is running (or was, when it threw), or null. */
  get activeNode(): string | null {
    const misused = this.traps.misusedAt;
    return misused === null ? this.runningNode() : misused.node;
  }

  private runningNode(): string | null {
    const index = this.nodes?.activeNode ?? -1; // undefined while the constructor builds the run
    return index < 0 ? null : this.scenario.nodes[index]!.name;
  }

  /** Simulated time so far, in microseconds (where it stopped, after a trapped Math.random). */
  get nowUs(): number {
    return this.traps.misusedAt?.nowUs ?? this.kernel.nowUs;
  }

  get done(): boolean {
    return this.phase === 'done';
  }

  /** Runs up to `eventCount` more events; returns true when the run is complete. */
  advance(eventCount = Infinity): boolean {
    return this.traps.run(() => this.advanceGuarded(eventCount));
  }

  private advanceGuarded(eventCount: number): boolean {
    try {
      return this.advancePhases(eventCount);
    } catch (error) {
      if (!(error instanceof PendingEventsExceeded)) throw error;
      this.heartbeat.leave(); // thrown out of the model's code, which the run does not go back to
      const node = this.activeNode;
      const by = node === null ? '' : ` by node ${node}`;
      this.stopDetail = `${error.message} at ${(this.kernel.nowUs / 1e6).toFixed(6)}s simulated; the last one, a ${error.eventKindName}, was scheduled${by} (raise limits.pending-events if that is no runaway)`;
      return this.stop('pending-limit-reached');
    }
  }

  private advancePhases(eventCount: number): boolean {
    const kernel = this.kernel;
    while (this.phase !== 'done') {
      if (this.phase === 'workload') {
        const stop = kernel.runUntil(this.scenario.durationUs, eventCount);
        if (stop === 'slice-done') return false;
        if (stop === 'event-budget-exhausted') return this.stop('event-budget-exhausted');
        this.phase = 'drain';
        continue;
      }
      if (this.phase === 'final-quiet') {
        const stop = kernel.runUntil(this.finalStepEndUs, eventCount);
        if (stop === 'slice-done') return false;
        if (stop === 'event-budget-exhausted') return this.stop('event-budget-exhausted');
        this.startFinalReads();
        continue;
      }
      const outstanding = this.outstandingWork();
      const endUs = this.phase === 'drain' ? this.drainEndUs : this.finalStepEndUs;
      if (outstanding === 0 || kernel.nowUs >= endUs) {
        if (outstanding > 0) this.drainLimitReached = true;
        if (this.phase === 'drain' && this.hasFinalPhase()) {
          this.startFinalQuiet();
          continue;
        }
        return this.stop(this.drainLimitReached ? 'drain-limit-reached' : 'completed');
      }
      const stop = kernel.runUntil(Math.min(endUs, kernel.nowUs + DRAIN_SLICE_US), eventCount);
      if (stop === 'slice-done') return false;
      if (stop === 'event-budget-exhausted') return this.stop('event-budget-exhausted');
    }
    return true;
  }

  private outstandingWork(): number {
    if (this.model.outstanding === undefined) return 0;
    this.heartbeat.enter('outstanding', -1, this.kernel.nowUs);
    const outstanding = this.model.outstanding(this.shared);
    this.heartbeat.leave();
    return outstanding;
  }

  private hasFinalPhase(): boolean {
    return this.scenario.final !== undefined || this.model.startFinalReads !== undefined;
  }

  /** Heals everything, then lets the quiet period pass before the final reads. */
  private startFinalQuiet(): void {
    this.injector.revertAll('final phase: every fault reverted, network healed');
    this.phase = 'final-quiet';
    this.finalStepEndUs = this.kernel.nowUs + (this.scenario.final?.quietUs ?? FINAL_QUIET_DEFAULT_US);
  }

  private startFinalReads(): void {
    this.phase = 'final-reads';
    this.finalReadsFromUs = this.kernel.nowUs;
    this.finalStepEndUs = this.kernel.nowUs + (this.model.drainLimitUs?.(this.scenario.system.config) ?? 0) + DRAIN_SLICE_US;
    this.heartbeat.enter('startFinalReads', -1, this.kernel.nowUs);
    this.model.startFinalReads?.(this.shared);
    this.heartbeat.leave();
  }

  private stop(reason: StopReason): true {
    this.stopReason = reason;
    this.phase = 'done';
    return true;
  }

  /** Finishes the run if needed and returns its result (computed once). */
  result(): RunResult {
    if (this.cachedResult) return this.cachedResult;
    if (!this.done) this.advance();
    return this.traps.run(() => this.finishResult());
  }

  /** What the run captured (when asked to, see ScenarioRunOptions), once it is over; null otherwise. */
  captured(): CapturedRun | null {
    if (this.capture === null) return null;
    const result = this.result();
    return this.capture.finish(Math.round(result.endMs * 1000));
  }

  private recordedFacts(): unknown {
    this.heartbeat.enter('recordedFacts', -1, this.kernel.nowUs);
    const facts = this.model.recordedFacts?.(this.shared);
    this.heartbeat.leave();
    return facts;
  }

  private finishResult(): RunResult {
    this.cachedResult = finishRunResult({
      scenario: this.scenario,
      model: this.model,
      shared: this.shared,
      metrics: this.metrics,
      kernel: this.kernel,
      networkCounters: this.network.counters,
      faultLog: this.faultLog,
      uptime: this.uptime,
      pauses: this.pauses,
      clocks: this.clocks,
      timeline: this.timeline,
      history: this.history,
      heartbeat: this.heartbeat,
      finalReadsFromUs: this.finalReadsFromUs,
      stopReason: this.stopReason,
      stopDetail: this.stopDetail,
      recordedFacts: () => this.recordedFacts(),
    });
    return this.cachedResult;
  }

  /**
   * The samples of the named histograms (`metrics.observe`), as mergeable sketches, once the run
   * has ended (null for a histogram that got no sample): what `ddsim sweep --pool` pools.
   */
  histogramSketches(names: readonly string[]): Record<string, HistogramSketch | null> {
    this.result();
    const sketches: Record<string, HistogramSketch | null> = {};
    for (const name of names) {
      const histogram = this.metrics.histogram(name);
      sketches[name] = histogram === undefined || histogram.count === 0 ? null : histogram.toSketch();
    }
    return sketches;
  }
}

/** The node an event concerns: a timer's node, a message's destination; -1 for faults. */
function eventNodeIndex(payload: unknown): number {
  if (payload instanceof Timer) return payload.nodeIndex;
  const to = (payload as { to?: unknown } | null)?.to;
  return typeof to === 'number' ? to : -1;
}

/** Runs a scenario to the end in one go. */
export function runScenario(scenario: Scenario, options: ScenarioRunOptions = {}): RunResult {
  return new ScenarioRun(scenario, options).result();
}
