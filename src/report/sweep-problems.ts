// What went wrong in one sweep combination, in words shared by the CI formats: each expectation
// that did not hold (how many runs, which seeds), and runs that did not complete, threw or are
// missing. Pure text from the summary.

import type { CombinationSummary, ExpectationRate, SweepSummary } from '../sweep/summarize.js';

export function combinationName(combination: CombinationSummary): string {
  return combination.key === '' ? '(as written)' : combination.params.map((param) => `${param.path}=${param.value}`).join(', ');
}

export function seedList(seeds: readonly number[]): string {
  return seeds.join(', ');
}

/** e.g. "held in 3 of 5 runs; violated in 1, undecided in 1; seeds 2, 4". */
export function expectationRateText(rate: ExpectationRate): string {
  const parts = [`held in ${rate.passed} of ${rate.runs} runs`];
  const notHeld = [
    ...(rate.failed > 0 ? [`violated in ${rate.failed}`] : []),
    ...(rate.undecided > 0 ? [`undecided in ${rate.undecided}`] : []),
  ];
  if (notHeld.length > 0) parts.push(notHeld.join(', '));
  if (rate.failedSeeds.length > 0) parts.push(`failing seeds ${seedList(rate.failedSeeds)}`);
  return parts.join('; ');
}

/** Runs of the combination that did not complete, threw or are missing, in words; [] when none. */
export function brokenRunTexts(combination: CombinationSummary): string[] {
  const texts: string[] = [];
  const { incompleteSeeds, errorSeeds } = combination;
  if (incompleteSeeds.length > 0) texts.push(`${incompleteSeeds.length} of ${combination.runs} runs did not complete (exit 3), seeds ${seedList(incompleteSeeds)}`);
  if (errorSeeds.length > 0) texts.push(`${errorSeeds.length} of ${combination.runs} runs threw (exit 4 or 70), seeds ${seedList(errorSeeds)}`);
  const missing = combination.expectedRuns - combination.runs;
  if (missing > 0) texts.push(`${missing} of ${combination.expectedRuns} runs are missing`);
  return texts;
}

/** The first failing run's command (and its exception's first line when it threw). */
export function firstFailureText(combination: CombinationSummary): string | null {
  const failure = combination.firstFailure;
  if (failure === null) return null;
  const threw = failure.error === null ? '' : ` (threw: ${failure.error.split('\n')[0]})`;
  return `Reproduce: ${failure.reproduce}${threw}`;
}

/** "3 of 12 runs failed" style heading figures of the whole sweep. */
export function sweepCountsText(summary: SweepSummary): string {
  const parts = [`${summary.runs} of ${summary.expectedRuns} runs`, `${summary.okRuns} passed every expectation`];
  if (summary.runs - summary.okRuns > 0) parts.push(`${summary.runs - summary.okRuns} failed`);
  if (summary.errorRuns > 0) parts.push(`${summary.errorRuns} threw an error`);
  if (summary.missingRuns > 0) parts.push(`${summary.missingRuns} missing`);
  return parts.join(', ');
}
