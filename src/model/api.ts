// The public API for system models: what a model module (built-in or the user's own) is given and
// must provide. Built-in models use exactly this API (this folder, src/model/, with its kit in
// src/model/kit/) and nothing else from the simulator; `import ... from 'ddsim'` gives the same.
// A model must be deterministic: all randomness through ctx.random / ctx.stream() / ctx.sample(),
// all time through ctx.nowUs() / ctx.monotonicUs(), never Math.random or the wall clock.
// Type parameters (all optional): Config (what parseConfig returns), Shared (the observer),
// Message (what nodes send each other), Durable (the shape of ctx.durable).

import type { ConfigReader } from './config-reader.js';
import type { DistributionSpec } from './distribution.js';

/** A seeded stream of pseudo-random numbers. */
export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Exponential with the given mean (any unit). */
  exponential(mean: number): number;
  /** Standard normal (mean 0, standard deviation 1). */
  normal(): number;
  /** Picks one element uniformly. */
  pick<T>(items: readonly T[]): T;
}

/**
 * What the simulator knows about one sent message and its sender cannot: filled in by the
 * network as the message travels. Models use it only to *measure* (for example to say why a
 * request timed out), never to decide what a node does.
 */
export type MessageFate =
  | 'in-flight'
  | 'delivered'
  /** Dropped by random loss. */
  | 'lost'
  /** Dropped by a partition or a cut link. */
  | 'unreachable'
  /** Reached a crashed node that answers nothing (silent crash). */
  | 'dropped-at-crashed-node'
  /** Reached a crashed node whose host refused the connection. */
  | 'refused'
  /** Waiting at a paused node. */
  | 'held-at-paused-node';

export interface MessageTracker {
  readonly fate: MessageFate;
}

/** Returned by setTimer; pass it to cancelTimer. */
export interface TimerHandle {
  readonly cancelled: boolean;
}

/** TCP-like delivery: the sender's transport retransmits a lost transmission. */
export interface ReliableSendOptions {
  /** How long the sender's transport waits before retransmitting a lost transmission. */
  readonly retransmitAfterUs: number;
  /** Transmissions in all (first one included) before the transport gives up silently. */
  readonly transmissionCountMax: number;
}

/** How a metric's value reads: milliseconds, a ratio in [0, 1] (shown as %), or a count. */
export type MetricUnit = 'ms' | 'ratio' | 'count';

/** One entry of SystemModel.metricNames. */
export type MetricDeclaration =
  | string
  | { readonly name: string; readonly unit?: MetricUnit }
  | { readonly histogram: string; readonly unit?: MetricUnit };

export interface MetricsRecorder {
  /** Adds `delta` (default 1) to a counter. */
  count(name: string, delta?: number): void;
  /** Records one sample (milliseconds for times) in a streaming histogram named `name`. */
  observe(name: string, value: number): void;
  /** Sets a value outright (for derived figures computed at the end). */
  set(name: string, value: number): void;
  /** Current value of a counter or set metric (0 when never recorded). */
  get(name: string): number;
}

/** One operation for the history checkers (see src/check/). */
export interface HistoryOperation {
  readonly process: number | string;
  readonly type: 'invoke' | 'ok' | 'fail' | 'info';
  readonly f: string;
  readonly key?: string;
  readonly value?: unknown;
}

export interface HistoryRecorder {
  /** Appends an operation, stamped with the current true time. */
  record(operation: HistoryOperation): void;
}

/**
 * State that survives crashes and restarts: a Map whose value type follows the key. Declare the
 * shape as the model's `Durable` type parameter, e.g. `{ term: number; votedFor: string | null }`.
 */
export interface DurableStore<Durable extends object = Record<string, unknown>> {
  get<K extends keyof Durable & string>(key: K): Durable[K] | undefined;
  set<K extends keyof Durable & string>(key: K, value: Durable[K]): this;
  has(key: keyof Durable & string): boolean;
  delete(key: keyof Durable & string): boolean;
  keys(): IterableIterator<string>;
  readonly size: number;
}

export interface NodeContext<Message = unknown, Durable extends object = Record<string, unknown>> {
  readonly nodeName: string;
  /** Every node of the topology, in the order the scenario declares them. */
  readonly nodeNames: readonly string[];
  /** When the workload stops (the scenario's `duration`), in microseconds. */
  readonly durationUs: number;
  /**
   * The node's time-of-day clock, in microseconds: true time plus an offset that grows with the
   * node's drift, is stepped by clock synchronization and by clock faults, and may go backwards.
   * What a node stamps writes with (last-write-wins) or reads a lease expiry from. With the
   * scenario's default (no `clocks:` section, no clock faults) it equals true time.
   */
  nowUs(): number;
  /**
   * The node's monotonic clock, in microseconds since the run began: never goes backwards, runs
   * at the node's drifted rate, unaffected by steps and jumps. For measuring elapsed time
   * (timeouts, lease durations); setTimer delays are measured on it.
   */
  monotonicUs(): number;
  /** Sends a message (by reference: treat messages as immutable). `to` is a name or an index into nodeNames. */
  send(to: string | number, message: Message): void;
  /** Like send, and returns the simulator's record of what happens to the message. */
  sendTracked(to: string | number, message: Message): MessageTracker;
  /**
   * Sends over a TCP-like transport: a transmission lost to random loss or a partition is
   * retransmitted after `retransmitAfterUs`, with fresh loss and latency draws, up to
   * `transmissionCountMax` transmissions in all. No acknowledgements are simulated.
   */
  sendReliable(to: string | number, message: Message, options: ReliableSendOptions): void;
  /** Index of a node name in nodeNames (throws on an unknown name: a bug in the model). */
  nodeIndex(name: string): number;
  /**
   * Calls `callback` after `delayUs` on this node's monotonic clock (a node whose oscillator runs
   * fast fires early in true time), unless cancelled or the node crashes first.
   */
  setTimer(delayUs: number, callback: () => void): TimerHandle;
  cancelTimer(timer: TimerHandle): void;
  /** The node's random stream, derived from the seed and `node:<name>`. */
  readonly random: RandomStream;
  /** Another stream of this node, derived from `node:<name>/<name>`. */
  stream(name: string): RandomStream;
  /**
   * One draw from a distribution the model parsed with `system.distribution(...)`, in
   * microseconds (≥ 0), from `stream` (default: ctx.random).
   */
  sample(spec: DistributionSpec, stream?: RandomStream): number;
  /** Survives crashes and restarts (unlike everything the behaviour object holds). */
  readonly durable: DurableStore<Durable>;
  /** Multiplier for work durations: 1 normally, >1 while a `slow` fault is active. */
  slowFactor(): number;
  readonly metrics: MetricsRecorder;
  readonly history: HistoryRecorder;
}

export interface NodeBehaviour<Message = unknown> {
  /**
   * A message arrived. Its type is the model's `Message` parameter: nodes of one model only
   * exchange their own messages (a typed model still checks what it needs at runtime).
   */
  onMessage?(from: string, message: Message): void;
  /** A message to `to` found the host up but the process down: "connection refused". */
  onRefused?(to: string, message: Message): void;
}

/** One fault or the end of one, as the observer's fault feed hears it (TruthOracle.onFault). */
export interface FaultEvent {
  /** The fault kind: `crash`, `restart`, `pause`, `slow`, `partition`, `cut`, `heal`, `link` (loss, delay, duplicate)... */
  readonly kind: string;
  /** As the fault log shows it, e.g. `partition {db-1} | {db-2, db-3}`. */
  readonly label: string;
  /** True simulated time, in microseconds. */
  readonly atUs: number;
  /** True when a fault ends: its `for:` ran out, a random fault recovered, or the final phase healed everything (kind `heal`). */
  readonly revert: boolean;
  /** True when the fault named a role that no node held at that moment: nothing happened. */
  readonly skipped: boolean;
  /** The nodes it acted on (a crash's, a pause's; the nodes in a partition's groups). */
  readonly nodes: readonly string[];
  /** The directed links it blocked, unblocked or changed. */
  readonly links: readonly { readonly from: string; readonly to: string }[];
}

/**
 * The simulator's knowledge of the true state of nodes, for a model's observer (Shared) to
 * *measure* with, e.g. to say that a request timed out because its server was paused. Node
 * behaviours must not use it to decide anything: real nodes cannot know this.
 */
export interface TruthOracle {
  status(node: string | number): 'up' | 'down' | 'paused';
  /** Bumped by every crash; a change means volatile state (queued work) was lost. */
  incarnation(node: string | number): number;
  /** The true simulated time, in microseconds (nodes' clocks may differ from it). */
  nowUs(): number;
  /** How far `node`'s time-of-day clock is from true time now, in microseconds (ctx.nowUs() − true time). */
  clockOffsetUs(node: string | number): number;
  /**
   * Calls `listener` after every change of a node's true status (crash, restart, pause,
   * resume), at the simulated time of the change (read it with nowUs()). For measurement only,
   * e.g. detection time from the true crash instant.
   */
  onStatusChange(listener: (node: string, status: 'up' | 'down' | 'paused') => void): void;
  /**
   * Calls `listener` after every fault and every end of one, of every kind (partitions, cuts and
   * link changes included, and the final phase's heal), in the order they happen. For
   * measurement, e.g. the time from a partition to recovery.
   */
  onFault(listener: (event: FaultEvent) => void): void;
  /** Whether a message sent from `from` to `to` now would pass every partition and cut. */
  reachable(from: string | number, to: string | number): boolean;
}

/**
 * Marks shown beside a node's lane in the timeline (terminal and JSON), for what a model wants
 * to show over time about a node, such as `suspected` (some monitor suspects it). Each flag is
 * drawn in every bucket during which it was on at any moment.
 */
export interface TimelineMarks {
  /** Turns the named flag of `node` on or off from now on. Flag names are short words. */
  setFlag(node: string | number, flag: string, on: boolean): void;
}

export interface ModelSetup {
  readonly nodeNames: readonly string[];
  readonly oracle: TruthOracle;
  readonly durationUs: number;
  /** The model's shared stream (`model`), for setup decisions. */
  readonly random: RandomStream;
  readonly metrics: MetricsRecorder;
  /** Per-node flags drawn beside the timeline lanes (see TimelineMarks). */
  readonly timeline: TimelineMarks;
}

export interface TimelineSeries {
  readonly failed: readonly string[];
  readonly ok: readonly string[];
}

export const DEFAULT_TIMELINE_SERIES: TimelineSeries = { failed: ['requests.failed'], ok: ['requests.ok'] };

export interface ModelSections {
  readonly system: ConfigReader;
  readonly workload: ConfigReader | null;
  readonly nodeNames: readonly string[];
}

/**
 * A system model. `Shared` is the model's observer state: one per run, visible to every node's
 * behaviour, for measurement and truth only (what the simulator knows and nodes cannot).
 */
export interface SystemModel<
  Config = unknown,
  Shared = unknown,
  Message = unknown,
  Durable extends object = Record<string, unknown>,
> {
  readonly name: string;
  readonly description: string;
  /**
   * Metrics this model records (for `expect:` validation and units), besides the core ones: a
   * name (`'pings'`), a name with its unit (`{ name: 'lag', unit: 'ms' }`) or a histogram fed by
   * `metrics.observe` (`{ histogram: 'rtt', unit: 'ms' }`: declares `rtt.mean|p50|p90|p99|p999|max`).
   * A metric without a declared unit gets one from its name (see src/metrics/metric-unit-guess.ts).
   */
  metricNames(config: Config): readonly MetricDeclaration[];
  /**
   * Counters drawn on the timeline per time bucket: `failed` on its failure row, `ok` alongside
   * (default: `requests.failed` and `requests.ok`).
   */
  timelineSeries?(config: Config): TimelineSeries;
  /**
   * Who holds each of the model's roles now, by node name (e.g. `{ leader: ['db-2'] }`); faults
   * written `{ crash: { role: leader } }` act on these nodes when they fire. Called by the
   * simulator at that moment; read it from the observer's truth, not a node's belief.
   */
  roles?(shared: Shared): Readonly<Record<string, readonly string[]>>;
  /** The role names roles() may return, so that a scenario naming another role is refused when read. */
  readonly roleNames?: readonly string[];
  /** Names of checks (`expect: [linearizable]`) this model supports. */
  checkNames?(config: Config): readonly string[];
  /** Reads and validates the model's keys; report problems through the readers. */
  parseConfig(sections: ModelSections): Config;
  createShared(config: Config, setup: ModelSetup): Shared;
  /** Called when a node starts and after every restart; volatile state lives in the result. */
  createNode(ctx: NodeContext<Message, Durable>, config: Config, shared: Shared): NodeBehaviour<Message> | null;
  /** Work still outstanding (e.g. requests awaiting an answer); the run drains it after `duration`. */
  outstanding?(shared: Shared): number;
  /** Longest time the drain phase may take, in microseconds. */
  drainLimitUs?(config: Config): number;
  /** Called once at the end; derive final metrics here. */
  finish?(shared: Shared, metrics: MetricsRecorder): void;
  /**
   * The final phase, after the drain: every fault has been reverted, the network healed, and the
   * scenario's quiet period (`final: { quiet: 5s }`) has passed for replicas to converge. The
   * model starts its final reads here (e.g. each client reads every key); the run then waits until
   * outstanding() is 0 (at most drainLimitUs). A model with this method always gets a final phase.
   */
  startFinalReads?(shared: Shared): void;
  /** Plain data for checks beyond the history (e.g. leadership terms, final replica states). */
  recordedFacts?(shared: Shared): unknown;
}
