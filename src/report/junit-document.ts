// A JUnit XML document from plain suites and test cases, in the shape CI tools read (Jenkins'
// junit-10 schema, which GitLab, GitHub test reporters and Azure accept as well): <testsuites>
// of <testsuite> (properties first, then test cases), each <testcase> with at most one
// <failure>, <error> or <skipped>. The counts on every element are computed here from the test
// cases, so they always agree with them. `time` is in seconds.

import { xmlAttribute, xmlText } from './xml-text.js';

export type JunitVerdict =
  | { readonly kind: 'passed' }
  | {
      readonly kind: 'failure' | 'error' | 'skipped';
      /** One line, shown by CI tools in lists. */
      readonly message: string;
      /** What kind of failure: e.g. `expectation-failed`, `event-budget-exhausted`. */
      readonly type: string;
      /** The details: observed value, witness, the command that reproduces it. */
      readonly body: string;
    };

export interface JunitCase {
  readonly name: string;
  readonly classname: string;
  readonly timeSeconds: number;
  readonly verdict: JunitVerdict;
}

export interface JunitSuite {
  readonly name: string;
  /** The scenario file the suite ran. */
  readonly file: string;
  readonly timeSeconds: number;
  readonly properties: readonly (readonly [name: string, value: string])[];
  readonly cases: readonly JunitCase[];
}

interface Counts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

const INDENT = '  ';

export function renderJunitDocument(name: string, suites: readonly JunitSuite[]): string {
  const all = countsOf(suites.flatMap((suite) => suite.cases));
  const timeSeconds = suites.reduce((sum, suite) => sum + suite.timeSeconds, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    // <testsuites> has no `skipped` in the junit-10 schema: it is on each <testsuite>.
    `<testsuites${attributes([['name', name], ['tests', String(all.tests)], ['failures', String(all.failures)], ['errors', String(all.errors)], ['time', secondsText(timeSeconds)]])}>`,
    ...suites.flatMap((suite) => suiteLines(suite).map((line) => INDENT + line)),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function countsOf(cases: readonly JunitCase[]): Counts {
  const count = (kind: JunitVerdict['kind']): number => cases.filter((testCase) => testCase.verdict.kind === kind).length;
  return { tests: cases.length, failures: count('failure'), errors: count('error'), skipped: count('skipped') };
}

function suiteLines(suite: JunitSuite): string[] {
  const counts = countsOf(suite.cases);
  const open = `<testsuite${attributes([
    ['name', suite.name],
    ['tests', String(counts.tests)],
    ['failures', String(counts.failures)],
    ['errors', String(counts.errors)],
    ['skipped', String(counts.skipped)],
    ['time', secondsText(suite.timeSeconds)],
    ['file', suite.file],
  ])}>`;
  const properties = suite.properties.length === 0
    ? []
    : [
        '<properties>',
        ...suite.properties.map(([name, value]) => `${INDENT}<property${attributes([['name', name], ['value', value]])}/>`),
        '</properties>',
      ];
  const cases = suite.cases.flatMap(caseLines);
  return [open, ...[...properties, ...cases].map((line) => INDENT + line), '</testsuite>'];
}

function caseLines(testCase: JunitCase): string[] {
  const open = `<testcase${attributes([['name', testCase.name], ['classname', testCase.classname], ['time', secondsText(testCase.timeSeconds)]])}`;
  const { verdict } = testCase;
  if (verdict.kind === 'passed') return [`${open}/>`];
  const detail = `<${verdict.kind}${attributes([['message', verdict.message], ['type', verdict.type]])}>${xmlText(verdict.body)}</${verdict.kind}>`;
  return [`${open}>`, INDENT + detail, '</testcase>'];
}

function attributes(pairs: readonly (readonly [string, string])[]): string {
  return pairs.map(([name, value]) => ` ${name}="${xmlAttribute(value)}"`).join('');
}

/** Seconds with millisecond precision, e.g. "1.234" (the schema allows no exponent, no sign). */
export function secondsText(seconds: number): string {
  return Number.isFinite(seconds) && seconds > 0 ? seconds.toFixed(3) : '0.000';
}
