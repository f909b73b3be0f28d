// The outcome of one simulation run: plain data, read by reports (terminal, JSON) and sweeps.
// Everything here is deterministic for a given scenario and seed; wall-clock figures are kept
// apart (RunTiming) so that the JSON document stays byte-identical across runs.

import type { MetricUnit } from '../model/api.js';

export type NodeLaneState = 'up' | 'down' | 'paused' | 'cut';

export interface TimelineLane {
  readonly node: string;
  /** The worst state the node was in during each bucket: down > paused > cut > up. */
  readonly states: readonly NodeLaneState[];
  /**
   * Flags a model set on this node (e.g. `suspected`), sorted by name; absent when none was
   * ever set. `buckets[i]` is true when the flag was on at some moment of bucket i.
   */
  readonly flags?: readonly TimelineFlag[];
}

export interface TimelineFlag {
  readonly name: string;
  readonly buckets: readonly boolean[];
}

export interface Timeline {
  readonly bucketUs: number;
  readonly bucketCount: number;
  readonly lanes: readonly TimelineLane[];
  /** The counters the failure row adds up (e.g. `requests.failed`; a model's own otherwise). */
  readonly failureMetrics: readonly string[];
  /** Failures (of those counters) per bucket. */
  readonly failuresPerBucket: readonly number[];
  /** Requests completed successfully per bucket. */
  readonly successesPerBucket: readonly number[];
  /**
   * The largest |clock offset| of any node per bucket, in ms; present only when some clock was
   * not perfect (a `clocks:` section or a clock fault).
   */
  readonly clockOffsetMsPerBucket?: readonly number[];
}

export interface FaultRecord {
  readonly atUs: number;
  /** e.g. "crash server-1 (refuse)", "heal partition". */
  readonly label: string;
  readonly kind: string;
  /** True for the automatic revert of a fault with `for:`, or a random fault's recovery. */
  readonly revert: boolean;
  /** For a fault that named a role: the nodes it resolved to when it fired. */
  readonly nodes?: readonly string[];
  /** For a fault that named a role no node held when it fired: it did nothing. */
  readonly skipped?: true;
}

/** A moment a violated check points at, drawn on the timeline's `violated` row. */
export interface TimelineMark {
  readonly atMs: number;
  /** e.g. "write x=7 acknowledged, later lost". */
  readonly label: string;
}

export interface ExpectationResult {
  /** As written in the scenario. */
  readonly expr: string;
  readonly ok: boolean;
  /** The observed value (ms for times), a verdict string for checks, null when unavailable. */
  readonly observed: number | string | null;
  /** Explanation of a violation: operations and times involved (checks only). */
  readonly witness?: unknown;
  /** Moments of the violation to mark on the timeline (checks only; at most a few). */
  readonly marks?: readonly TimelineMark[];
  /** Where the `expect:` entry is written in the scenario file (1-based); absent for one from `--set`. */
  readonly position?: ExpectationPosition;
}

export interface ExpectationPosition {
  readonly line: number;
  readonly column: number;
}

/**
 * How a run ended: completed; its event budget ran out (`limits.events`); or work (requests
 * awaiting an answer) was still outstanding when the drain after `duration`, or the final reads,
 * reached the model's drain limit; or more events were pending at once than `limits.pending-events`
 * (a model scheduling faster than time passes). All but the first end with exit 3.
 */
export type StopReason = 'completed' | 'event-budget-exhausted' | 'drain-limit-reached' | 'pending-limit-reached';

export interface RunResult {
  readonly scenario: string;
  readonly description: string;
  readonly file: string;
  readonly seed: number;
  readonly sets: readonly string[];
  readonly durationMs: number;
  /** Simulated time when the run ended (after draining outstanding work), in ms. */
  readonly endMs: number;
  readonly stopReason: StopReason;
  /** For a run that stopped early, what stopped it, in words (e.g. which node flooded the queue). */
  readonly stopDetail?: string;
  /** True when every expectation holds and the run was not cut short. */
  readonly ok: boolean;
  /** Flat map, sorted by name; times in milliseconds. */
  readonly metrics: Readonly<Record<string, number>>;
  /** The unit of each metric ('ms', 'ratio', 'count'), as declared (guessed from the name when not). */
  readonly metricUnits?: Readonly<Record<string, MetricUnit>>;
  readonly expectations: readonly ExpectationResult[];
  readonly faults: readonly FaultRecord[];
  readonly timeline: Timeline;
  /** The command line that reproduces exactly this run. */
  readonly reproduce: string;
}

export interface RunTiming {
  readonly wallMs: number;
}
