// What the lock model hands to the `no-stale-writes` check besides the history
// (SystemModel.recordedFacts): every lease the lock service granted, with the stretches of TRUE
// time during which it was valid, and every write the storage node accepted. Recorded by the
// model's observer, which reads true time from the oracle; nodes' clocks play no part here.
// Plain data; the check reads it through lockFacts(), which tolerates its absence.

import type { RecordedFacts } from './facts.js';

/** A stretch of true time [fromUs, toUs) during which a lease was valid. */
export interface LeaseValidity {
  readonly fromUs: number;
  readonly toUs: number;
}

/** One grant of the lock: a fencing token is granted once, to one client. */
export interface LeaseRecord {
  readonly client: string;
  readonly token: number;
  /** True time at which the service granted it. */
  readonly grantedUs: number;
  /**
   * When it was valid in true time: from the grant for one lease length, extended by each
   * renewal; a renewal the service accepted after the lease had run out starts a new stretch.
   * In time order, not overlapping.
   */
  readonly valid: readonly LeaseValidity[];
}

/** A write the storage node accepted (with fencing, one whose token was not below the highest seen). */
export interface AcceptedWrite {
  readonly client: string;
  readonly token: number;
  /** True time at which the storage node accepted it. */
  readonly acceptedUs: number;
}

export interface LockFacts {
  /** In grant order, which is token order. */
  readonly leases: readonly LeaseRecord[];
  /** In acceptance order. */
  readonly acceptedWrites: readonly AcceptedWrite[];
  /** True when a record hit its size cap and later grants or writes were not recorded. */
  readonly truncated: boolean;
}

export function lockFacts(facts: RecordedFacts): Partial<LockFacts> {
  const value = facts.modelFacts;
  return value !== null && typeof value === 'object' ? (value as Partial<LockFacts>) : {};
}
