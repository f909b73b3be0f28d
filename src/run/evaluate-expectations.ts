// Evaluates a scenario's expectations against a run's metrics and recorded facts. Pure.

import { findCheck } from '../checks/registry.js';
import type { RecordedFacts } from '../model/facts.js';
import type { ComparisonOperator, ExpectationSpec } from '../scenario/types.js';
import type { ExpectationResult } from '../result/run-result.js';

/** Marks kept per violated check: enough to show where, few enough to read. */
const MARK_COUNT_MAX = 8;

export function evaluateExpectations(
  expectations: readonly ExpectationSpec[],
  facts: RecordedFacts,
): ExpectationResult[] {
  return expectations.map((expectation) => {
    const outcome = evaluateOne(expectation, facts);
    return expectation.position === undefined ? outcome : { ...outcome, position: expectation.position };
  });
}

function evaluateOne(expectation: ExpectationSpec, facts: RecordedFacts): ExpectationResult {
  if (expectation.kind === 'compare') {
    const observed = facts.metrics[expectation.metric];
    if (observed === undefined || Number.isNaN(observed)) {
      return { expr: expectation.text, ok: false, observed: null };
    }
    return { expr: expectation.text, ok: compare(observed, expectation.operator, expectation.value), observed };
  }
  const check = findCheck(expectation.name);
  if (!check) return { expr: expectation.text, ok: false, observed: 'unknown check' };
  const outcome = check(facts);
  return {
    expr: expectation.text,
    ok: outcome.ok,
    observed: outcome.observed,
    ...(outcome.witness === undefined ? {} : { witness: outcome.witness }),
    ...(outcome.marks === undefined || outcome.marks.length === 0 ? {} : { marks: outcome.marks.slice(0, MARK_COUNT_MAX) }),
  };
}

/** Compares with a relative tolerance of 1e-9 so that `availability == 1` holds for 1 - 1e-16. */
export function compare(observed: number, operator: ComparisonOperator, expected: number): boolean {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  const equal = Math.abs(observed - expected) <= tolerance;
  switch (operator) {
    case '<':
      return observed < expected && !equal;
    case '<=':
      return observed <= expected || equal;
    case '>':
      return observed > expected && !equal;
    case '>=':
      return observed >= expected || equal;
    case '==':
      return equal;
    case '!=':
      return !equal;
  }
}
