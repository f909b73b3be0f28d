// Whether an expectation passed, failed, or could not be decided. A check that could not decide
// (`unknown (history truncated)`) and a comparison with no observed value (`n/a`) are not ok, so
// they fail the run (exit 1) like a violation; reports for CI tell them apart from real
// violations (JUnit `<skipped>`, a GitHub `::warning`).

export type ExpectationOutcome = 'passed' | 'failed' | 'undecided';

export function expectationOutcome(expectation: { readonly ok: boolean; readonly observed: number | string | null }): ExpectationOutcome {
  if (expectation.ok) return 'passed';
  const { observed } = expectation;
  if (observed === null) return 'undecided';
  if (typeof observed === 'string' && observed.startsWith('unknown')) return 'undecided';
  return 'failed';
}
