// The JUnit XML document of `ddsim sweep` (and `ddsim merge`): one <testsuite> per parameter
// combination, named by its values, with one <testcase> per expectation. An expectation violated
// in some run is a <failure> saying in how many runs, with which seeds, and how to reproduce the
// first; one only undecided is <skipped>; runs that did not complete, threw or are missing make a
// <testcase name="runs complete"> with an <error>. The combination's parameters, counts and
// metric spreads are its <properties>. Sweeps record no wall time per run: every `time` is 0.

import type { CombinationSummary, ExpectationRate, SweepSummary } from '../sweep/summarize.js';
import { expectationLocation } from './expectation-detail.js';
import { renderJunitDocument, type JunitCase, type JunitSuite, type JunitVerdict } from './junit-document.js';
import { brokenRunTexts, combinationName, expectationRateText, firstFailureText, seedList } from './sweep-problems.js';

/** The name of the test case that stands for the combination's runs completing. */
export const RUNS_COMPLETE_CASE = 'runs complete';

export function renderSweepJunit(summary: SweepSummary): string {
  return renderJunitDocument(`ddsim sweep ${summary.file}`, summary.combinations.map((combination) => combinationSuite(summary, combination)));
}

/** The scenario file without its extension: a class name without dots, which CI tools read as packages. */
function classnameOf(file: string): string {
  return file.replace(/\.ya?ml$/i, '');
}

function combinationSuite(summary: SweepSummary, combination: CombinationSummary): JunitSuite {
  const classname = classnameOf(summary.file);
  const cases: JunitCase[] = combination.expectations.map((rate) => ({
    name: rate.expr,
    classname,
    timeSeconds: 0,
    verdict: expectationVerdict(summary, combination, rate),
  }));
  const broken = brokenRunTexts(combination);
  if (broken.length > 0) {
    const body = [`combination: ${combinationName(combination)}`, ...broken, firstFailureText(combination) ?? ''].filter((line) => line !== '');
    cases.push({ name: RUNS_COMPLETE_CASE, classname, timeSeconds: 0, verdict: { kind: 'error', message: broken.join('; '), type: 'runs-incomplete', body: body.join('\n') } });
  }
  return { name: combinationName(combination), file: summary.file, timeSeconds: 0, properties: combinationProperties(summary, combination), cases };
}

function expectationVerdict(summary: SweepSummary, combination: CombinationSummary, rate: ExpectationRate): JunitVerdict {
  if (rate.failed === 0 && rate.undecided === 0) return { kind: 'passed' };
  const body = [
    `expectation: ${rate.expr} (${expectationLocation(summary.file, rate)})`,
    `combination: ${combinationName(combination)}`,
    expectationRateText(rate),
    ...(rate.firstFailureReproduce === null ? [] : [`Reproduce: ${rate.firstFailureReproduce}`]),
  ].join('\n');
  const message = `${rate.failed > 0 ? 'failed' : 'undecided'} in ${rate.runs - rate.passed} of ${rate.runs} runs (seeds ${seedList(rate.failedSeeds)})`;
  if (rate.failed > 0) return { kind: 'failure', message, type: 'expectation-failed', body };
  return { kind: 'skipped', message: `${message}, counted as failed: exit 1`, type: 'undecided', body };
}

function combinationProperties(summary: SweepSummary, combination: CombinationSummary): [string, string][] {
  const properties: [string, string][] = [
    ['file', summary.file],
    ['sweep', summary.fingerprint],
    ...combination.params.map((param): [string, string] => [`param:${param.path}`, param.value]),
    ['runs', String(combination.runs)],
    ['expected-runs', String(combination.expectedRuns)],
    ['ok-runs', String(combination.okRuns)],
    ['error-runs', String(combination.errorRuns)],
    ['failed-seeds', seedList(combination.failedSeeds)],
  ];
  if (combination.firstFailure !== null) properties.push(['reproduce-first-failure', combination.firstFailure.reproduce]);
  for (const spread of combination.metrics) {
    for (const [statistic, value] of [['median', spread.median], ['p5', spread.p5], ['p95', spread.p95]] as const) {
      properties.push([`metric:${spread.name}.${statistic}`, value === null ? 'n/a' : String(value)]);
    }
  }
  return properties;
}
