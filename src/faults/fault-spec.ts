// Faults as the simulator applies them: scheduled actions (with an optional revert after `forUs`)
// and random fault processes. Plain data, produced by the scenario loader (src/scenario/) through
// the fault kinds (src/faults/kinds/), each of which defines the shape of its own action.

import type { DistributionSpec } from '../model/distribution.js';

/**
 * The nodes a fault acts on: names fixed when the scenario is read, or a role of the system model
 * (`{ role: leader }`), resolved to the nodes holding it when the fault fires.
 */
export type NodeSelector = readonly string[] | { readonly role: string };

export function isRoleSelector(selector: NodeSelector): selector is { readonly role: string } {
  return !Array.isArray(selector);
}

/** What a fault does; `kind` names its fault kind (src/faults/registry.ts), the rest is the kind's. */
export interface FaultAction {
  readonly kind: string;
}

export type CrashMode = 'refuse' | 'silent';

export interface ScheduledFaultSpec {
  readonly atUs: number;
  /** When set, the fault is reverted after this long. */
  readonly forUs: number | null;
  readonly action: FaultAction;
  /** The fault as written, for reports: e.g. "crash server-1". */
  readonly label: string;
}

export type PartitionShape = 'isolate-one' | 'halves' | 'majority-minority';

export type RandomFaultSpec =
  | {
      readonly kind: 'random-crash';
      /** One crash process per node; with `role`, one process that crashes whoever holds it. */
      readonly nodes: readonly string[];
      readonly role: string | null;
      /** Mean up time between a restart and the next crash (exponential), or the mean of `everyUs` when that is given. */
      readonly mtbfUs: number;
      /** `every: A..B`: up times drawn uniformly in [A, B] instead of exponentially (absent with `mtbf`). */
      readonly everyUs?: { readonly minUs: number; readonly maxUs: number };
      /** Mean down time (exponential). */
      readonly mttrUs: number;
      readonly mode: CrashMode;
    }
  | {
      readonly kind: 'random-pause';
      /** One pause process per node; with `role`, one that pauses whoever holds it. */
      readonly nodes: readonly string[];
      readonly role: string | null;
      /** Running time between the end of one pause and the start of the next, drawn uniformly. */
      readonly everyMinUs: number;
      readonly everyMaxUs: number;
      /** How long each pause lasts. */
      readonly length: DistributionSpec;
    }
  | {
      readonly kind: 'random-partition';
      readonly nodes: readonly string[];
      readonly everyMinUs: number;
      readonly everyMaxUs: number;
      readonly forMinUs: number;
      readonly forMaxUs: number;
      readonly shape: PartitionShape;
    };
