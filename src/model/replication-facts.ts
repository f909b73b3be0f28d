// What the replication models hand to checks besides the history (SystemModel.recordedFacts):
// leadership terms with the writes each leader acknowledged, every replica's final state, and the
// writes the system discarded.
// Plain data; the checks read it through replicationFacts(), which tolerates its absence.

import type { RecordedFacts } from './facts.js';

/** A stretch of time during which `node` acted as leader: believed it led, and was up (not paused). */
export interface LeaderTerm {
  readonly node: string;
  readonly epoch: number;
  readonly fromUs: number;
  readonly toUs: number;
  /** When the node acknowledged client writes as leader during the term (bounded). */
  readonly writeAcksUs: readonly number[];
}

export interface ReplicaState {
  readonly node: string;
  /** Key -> value, keys sorted. */
  readonly entries: readonly (readonly [string, unknown])[];
}

/** The replicas that store a key (placement on a ring); without it every replica stores every key. */
export interface KeyPlacement {
  readonly key: string;
  readonly replicas: readonly string[];
}

/**
 * A write the system discarded, as the model's observer knows it from the truth: its value can
 * never again be what the key holds (superseded or not by later writes). Which writes count is
 * the model's to define (leader-follower: not in the lineage of the surviving leader's value;
 * leaderless: ordered below a write acknowledged before it was invoked). The `no-lost-writes`
 * check counts those of them the history shows acknowledged.
 */
export interface DiscardedWrite {
  readonly key: string;
  /** The value written (values are unique: it names the write in the history). */
  readonly value: unknown;
  /** One word for the mechanism, e.g. `truncated`, `split-brain`, `lww`, `versions`. */
  readonly cause: string;
  /** Why, in a sentence: "truncated from db-1's log when db-2 became leader in epoch 2 ...". */
  readonly reason: string;
}

export interface ReplicationFacts {
  readonly leaderTerms?: readonly LeaderTerm[];
  readonly replicaStates?: readonly ReplicaState[];
  readonly placement?: readonly KeyPlacement[];
  /**
   * Writes the system discarded (absent: the model does not say, and checks fall back to what is
   * readable at the end; null: too many writes to track, unknown).
   */
  readonly discardedWrites?: readonly DiscardedWrite[] | null;
}

export function replicationFacts(facts: RecordedFacts): ReplicationFacts {
  const value = facts.modelFacts;
  return value !== null && typeof value === 'object' ? (value as ReplicationFacts) : {};
}
