// What a consensus model (raft) hands to the consensus checks besides the history
// (SystemModel.recordedFacts): every election won, and every entry a server applied. Plain data;
// the checks read it through consensusFacts(), which tolerates its absence.

import type { RecordedFacts } from './facts.js';

/** A server won the election of a term (it became leader) at true time `atUs`. */
export interface LeaderElected {
  readonly term: number;
  readonly node: string;
  readonly atUs: number;
}

/**
 * A server applied a log entry to its state machine. A server that applies the same entry again
 * (after a restart it rebuilds its state machine from its log) is recorded once.
 */
export interface AppliedEntry {
  readonly node: string;
  readonly index: number;
  /** The term in which a leader created the entry. */
  readonly term: number;
  /** The command, as text that identifies it (e.g. `write k3=17 (request 42)`, `noop`). */
  readonly command: string;
  readonly atUs: number;
}

export interface ConsensusFacts {
  readonly leadersElected?: readonly LeaderElected[];
  /** True when more elections were won than the model keeps (the later ones are missing). */
  readonly leadersElectedTruncated?: boolean;
  readonly applied?: readonly AppliedEntry[];
  /** True when more applications happened than the model keeps (the later ones are missing). */
  readonly appliedTruncated?: boolean;
}

export function consensusFacts(facts: RecordedFacts): ConsensusFacts {
  const value = facts.modelFacts;
  return value !== null && typeof value === 'object' ? (value as ConsensusFacts) : {};
}
