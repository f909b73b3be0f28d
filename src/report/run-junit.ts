// The JUnit XML document of `ddsim run`: one <testsuite> per run (named by scenario and seed),
// one <testcase> per expectation, named as written. A violated expectation is a <failure> whose
// body has the observed value, the witness and the reproduce command; one that could not be
// decided (n/a, `unknown (...)`) is <skipped> (the run still exits 1 for it); a run that did not
// complete (exit 3) gets a <testcase name="run completes"> with an <error>. The run's metrics
// and settings are the suite's <properties>. Suite `time` is the run's wall time; test cases
// take no measurable time of their own (0).

import type { ExpectationResult, RunResult } from '../result/run-result.js';
import { expectationDetailLines, expectationHeadline } from './expectation-detail.js';
import { expectationOutcome } from '../result/expectation-outcome.js';
import { renderJunitDocument, type JunitCase, type JunitSuite, type JunitVerdict } from './junit-document.js';
import { stopWarning } from './run-header.js';

export interface JunitRun {
  readonly result: RunResult;
  readonly wallMs: number;
}

/** The name of the test case that stands for the run itself completing. */
export const RUN_COMPLETES_CASE = 'run completes';

export function renderRunJunit(runs: readonly JunitRun[]): string {
  return renderJunitDocument('ddsim run', runs.map(runSuite));
}

export function runSuite({ result, wallMs }: JunitRun): JunitSuite {
  const cases: JunitCase[] = result.expectations.map((expectation) => ({
    name: expectation.expr,
    classname: result.scenario,
    timeSeconds: 0,
    verdict: expectationVerdict(result, expectation),
  }));
  if (result.stopReason !== 'completed') cases.push(incompleteCase(result));
  return {
    name: suiteName(result),
    file: result.file,
    timeSeconds: wallMs / 1000,
    properties: runProperties(result),
    cases,
  };
}

function suiteName(result: RunResult): string {
  const sets = result.sets.length === 0 ? '' : `, ${result.sets.map((set) => `--set ${set}`).join(' ')}`;
  return `${result.scenario} (seed ${result.seed}${sets})`;
}

function expectationVerdict(result: RunResult, expectation: ExpectationResult): JunitVerdict {
  const outcome = expectationOutcome(expectation);
  if (outcome === 'passed') return { kind: 'passed' };
  const body = expectationDetailLines(result, expectation).join('\n');
  if (outcome === 'undecided') {
    return { kind: 'skipped', message: `undecided: ${expectationHeadline(result, expectation)} (counted as failed: exit 1)`, type: 'undecided', body };
  }
  return { kind: 'failure', message: expectationHeadline(result, expectation), type: 'expectation-failed', body };
}

function incompleteCase(result: RunResult): JunitCase {
  const warning = stopWarning(result) ?? result.stopReason;
  return {
    name: RUN_COMPLETES_CASE,
    classname: result.scenario,
    timeSeconds: 0,
    verdict: {
      kind: 'error',
      message: `did not complete (${result.stopReason}, exit 3)`,
      type: result.stopReason,
      body: [warning, `Reproduce: ${result.reproduce}`].join('\n'),
    },
  };
}

/** Settings of the run, then every metric as `metric:<name>` (as in the JSON: times in ms, ratios 0-1), sorted. */
function runProperties(result: RunResult): [string, string][] {
  const properties: [string, string][] = [
    ['file', result.file],
    ['seed', String(result.seed)],
    ...result.sets.map((set): [string, string] => ['set', set]),
    ['stop-reason', result.stopReason],
    ...(result.stopDetail === undefined ? [] : [['stop-detail', result.stopDetail] as [string, string]]),
    ['duration-ms', String(result.durationMs)],
    ['end-ms', String(result.endMs)],
    ['reproduce', result.reproduce],
  ];
  for (const name of Object.keys(result.metrics).sort()) {
    const value = result.metrics[name];
    properties.push([`metric:${name}`, Number.isFinite(value) ? String(value) : 'n/a']);
  }
  return properties;
}
