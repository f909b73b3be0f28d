// What the replication models hand to checks besides the history (SystemModel.recordedFacts):
// leadership terms with the writes each leader acknowledged, and every replica's final state.
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

export interface ReplicationFacts {
  readonly leaderTerms?: readonly LeaderTerm[];
  readonly replicaStates?: readonly ReplicaState[];
  readonly placement?: readonly KeyPlacement[];
}

export function replicationFacts(facts: RecordedFacts): ReplicationFacts {
  const value = facts.modelFacts;
  return value !== null && typeof value === 'object' ? (value as ReplicationFacts) : {};
}
