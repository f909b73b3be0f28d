// The failed attempts of a run by true cause, computed once for both the terminal table and the
// JSON document. Causes come from the `failures.<cause>` metrics, so a model's own causes count
// too; catalogue causes carry their explanation from FAILURE_CAUSES.

import { FAILURE_CAUSES, FAILURE_CAUSE_NAMES } from '../model/kit/failure-causes.js';

export interface FailureCauseShare {
  readonly cause: string;
  readonly count: number;
  /** Of all failed attempts, 0..1; null when there were none. */
  readonly share: number | null;
  readonly explanation: string;
}

const PREFIX = 'failures.';

/** Every cause (catalogue order, then others by name), counts and shares. */
export function failureCauseShares(metrics: Readonly<Record<string, number>>): FailureCauseShare[] {
  const extra = Object.keys(metrics)
    .filter((name) => name.startsWith(PREFIX))
    .map((name) => name.slice(PREFIX.length))
    .filter((cause) => !(FAILURE_CAUSE_NAMES as readonly string[]).includes(cause))
    .sort();
  const causes = [...FAILURE_CAUSE_NAMES, ...extra];
  const countOf = (cause: string) => {
    const value = metrics[PREFIX + cause];
    return Number.isFinite(value) ? value : 0;
  };
  const total = causes.reduce((sum, cause) => sum + countOf(cause), 0);
  return causes.map((cause) => ({
    cause,
    count: countOf(cause),
    share: total > 0 ? countOf(cause) / total : null,
    explanation: (FAILURE_CAUSES as Record<string, string>)[cause] ?? '',
  }));
}

/** Only causes that happened, most frequent first (ties in catalogue order). */
export function causesThatHappened(shares: readonly FailureCauseShare[]): FailureCauseShare[] {
  return shares
    .map((share, index) => ({ share, index }))
    .filter(({ share }) => share.count > 0)
    .sort((a, b) => b.share.count - a.share.count || a.index - b.index)
    .map(({ share }) => share);
}
