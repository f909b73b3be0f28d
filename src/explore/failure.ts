// What "the same failure" means, for explore's triage and for shrinking: the first `expect:` entry
// (by its text) that failed in a completed run; or a run that did not complete (by its stop
// reason); or a run whose model threw. A ddsim bug (an assertion) or an invalid scenario is not a
// failure of the model: explore reports it as such, and a shrink candidate that hits one does not
// count as failing.

import type { RunOutcome } from '../sweep/sweep-record.js';

export type FailureSignature =
  | { readonly kind: 'expectation'; readonly expr: string }
  | { readonly kind: 'incomplete'; readonly stopReason: string }
  | { readonly kind: 'model-error' };

export function failureOf(outcome: RunOutcome): FailureSignature | null {
  if (outcome.kind === 'error') return outcome.cause === 'model' ? { kind: 'model-error' } : null;
  if (outcome.stopReason !== 'completed') return { kind: 'incomplete', stopReason: outcome.stopReason };
  const failed = outcome.expectations.find((expectation) => !expectation.ok);
  return failed === undefined ? null : { kind: 'expectation', expr: failed.expr };
}

/** Whether the outcome shows the same failure: the same expectation failing in a completed run, ... */
export function showsFailure(outcome: RunOutcome, failure: FailureSignature): boolean {
  switch (failure.kind) {
    case 'expectation':
      return outcome.kind === 'result' && outcome.stopReason === 'completed' && outcome.expectations.some((e) => e.expr === failure.expr && !e.ok);
    case 'incomplete':
      return outcome.kind === 'result' && outcome.stopReason === failure.stopReason;
    case 'model-error':
      return outcome.kind === 'error' && outcome.cause === 'model';
  }
}

/** As a report names it: `single-leader`, `did not complete (drain-limit-reached)`, `the model threw`. */
export function failureText(failure: FailureSignature): string {
  switch (failure.kind) {
    case 'expectation':
      return failure.expr;
    case 'incomplete':
      return `did not complete (${failure.stopReason})`;
    case 'model-error':
      return 'the model threw';
  }
}

/** A run ddsim itself could not carry out: an internal error, or a generated scenario it refused. */
export function isToolError(outcome: RunOutcome): boolean {
  return outcome.kind === 'error' && outcome.cause !== 'model';
}
