// Faults as the simulator applies them: scheduled actions (with an optional revert after `forUs`)
// and random fault processes. Plain data, produced by the scenario loader (src/scenario/).

import type { DistributionSpec } from '../model/distribution.js';
import type { LinkPattern } from '../network/topology-spec.js';

export type CrashMode = 'refuse' | 'silent';

export type FaultAction =
  | { readonly kind: 'crash'; readonly nodes: readonly string[]; readonly mode: CrashMode }
  | { readonly kind: 'restart'; readonly nodes: readonly string[] }
  | { readonly kind: 'pause'; readonly nodes: readonly string[] }
  /** Nodes in different groups cannot reach each other; nodes in no group stay connected. */
  | { readonly kind: 'partition'; readonly groups: readonly (readonly string[])[] }
  /** One-way (or both-way) cut of the matched links. */
  | { readonly kind: 'cut'; readonly links: readonly LinkPattern[] }
  /** Removes every partition and cut. */
  | { readonly kind: 'heal' }
  /** Changes loss / extra delay / duplication on the matched links while active. */
  | {
      readonly kind: 'link';
      readonly links: readonly LinkPattern[];
      readonly lossProbability: number | null;
      readonly delay: DistributionSpec | null;
      readonly duplicateProbability: number | null;
    }
  /** Service time (and any model work scaled by ctx.slowFactor()) multiplied by `factor`. */
  | { readonly kind: 'slow'; readonly nodes: readonly string[]; readonly factor: number };

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
      readonly nodes: readonly string[];
      readonly mtbfUs: number;
      readonly mttrUs: number;
      readonly mode: CrashMode;
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
