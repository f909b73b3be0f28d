// The validated, normalized scenario: plain data that the simulator consumes.
// Produced by src/scenario/ (YAML text -> this); knows nothing of the kernel or the terminal.
// All times are integer microseconds (`...Us`); probabilities are in [0, 1].

import type { SystemModel } from '../model/api.js';
import type { DistributionSpec } from '../model/distribution.js';
import type { LinkOverrideSpec, LinkPattern, NetworkSpec, NodeSpec, RegionLatencySpec } from '../network/topology-spec.js';

export type { DistributionSpec, LinkOverrideSpec, LinkPattern, NetworkSpec, NodeSpec, RegionLatencySpec };
export type { CrashMode, FaultAction, NodeSelector, PartitionShape, RandomFaultSpec, ScheduledFaultSpec } from '../faults/fault-spec.js';
import type { RandomFaultSpec, ScheduledFaultSpec } from '../faults/fault-spec.js';
import type { ClocksSpec } from '../sim/clock-spec.js';

export type ComparisonOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

/**
 * Where an `expect:` entry is written in the scenario file (1-based), for reports that point at it
 * (GitHub annotations). Absent for an entry that came from `--set`.
 */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

export type ExpectationSpec = (
  | {
      readonly kind: 'compare';
      /** As written, e.g. "latency.p99 <= 250ms". */
      readonly text: string;
      readonly metric: string;
      readonly operator: ComparisonOperator;
      /** In the metric's unit (milliseconds for times). */
      readonly value: number;
    }
  /** A named check over recorded facts, e.g. `linearizable`. */
  | { readonly kind: 'check'; readonly text: string; readonly name: string }
) & { readonly position?: SourcePosition };

export interface LimitsSpec {
  /** The run stops (and reports it) after this many kernel events. */
  readonly eventCountMax: number;
  /** The run stops (exit 3) when more events than this are pending at once (default PENDING_EVENT_COUNT_MAX_DEFAULT). */
  readonly pendingEventCountMax?: number;
  /**
   * Wall time one model callback may run before the run stops as hung (limits.callback-wall,
   * default CALLBACK_WALL_DEFAULT_US). Wall time, not simulated: the one limit that is.
   */
  readonly callbackWallUs?: number;
}

export interface Scenario {
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly durationUs: number;
  readonly nodes: readonly NodeSpec[];
  readonly regions: readonly RegionLatencySpec[];
  readonly network: NetworkSpec;
  readonly system: {
    /** As written: a built-in name or a path to a module. */
    readonly modelName: string;
    readonly model: SystemModel<unknown, unknown>;
    /** The model's own parsed configuration (from `system:` and `workload:`). */
    readonly config: unknown;
  };
  /** Every node's clocks (`clocks:`); perfect (true time) by default. */
  readonly clocks: ClocksSpec;
  readonly faults: readonly ScheduledFaultSpec[];
  readonly randomFaults: readonly RandomFaultSpec[];
  readonly expectations: readonly ExpectationSpec[];
  readonly limits: LimitsSpec;
  /** Where it came from, so a report can print the exact command that reproduces a run. */
  readonly source: { readonly file: string; readonly sets: readonly string[] };
  /** The `sweep:` section (read by `ddsim sweep` only); absent when the file has none. */
  readonly sweep?: SweepSectionSpec;
  /** The `final:` section: the phase after the drain (faults reverted, final reads); absent when not written. */
  readonly final?: FinalPhaseSpec;
  /** The `explore:` section (read by `ddsim explore` only); absent when the file has none. */
  readonly explore?: ExploreSectionSpec;
}

/**
 * What `ddsim explore` may inject, as the `explore:` section declares it; a key not written is
 * null (the explorer's default applies). Node names are expanded from globs, in topology order.
 */
export interface ExploreSectionSpec {
  /** Fault names: a registered kind's name or one of its keys (`crash`, `loss`, `clock`). */
  readonly faults: readonly string[] | null;
  /** Nodes faults may hit by name, and roles of the system model (resolved when a fault fires). */
  readonly nodes: { readonly names: readonly string[]; readonly roles: readonly string[] } | null;
  readonly faultsPerRun: { readonly min: number; readonly max: number } | null;
  /** How long faults that revert last. */
  readonly forRange: { readonly minUs: number; readonly maxUs: number } | null;
  /** When faults may start (before `duration`). */
  readonly atRange: { readonly minUs: number; readonly maxUs: number } | null;
  readonly runs: number | null;
}

/** After the drain, faults are reverted, the run waits `quietUs` for replicas to converge, then final reads run. */
export interface FinalPhaseSpec {
  readonly quietUs: number;
}

/** A sweep declared in the scenario file: values are `--set` value text. */
export interface SweepSectionSpec {
  readonly vary: readonly { readonly path: string; readonly values: readonly string[] }[];
  /** null when the section names no seeds. */
  readonly seeds: readonly number[] | null;
  readonly metrics: readonly string[];
}
