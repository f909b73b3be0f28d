// The text that explains one expectation that did not hold, shared by the CI formats (JUnit,
// GitHub): what was observed, the witness in the same short form the terminal report shows, and
// the command that reproduces the run.

import type { ExpectationResult, RunResult } from '../result/run-result.js';
import { formatObserved } from './expectations-table.js';
import { renderWitness } from './witness-render.js';

/** Wide enough that a witness line is rarely cut; CI logs do not wrap like a terminal. */
const WITNESS_WIDTH_COLUMNS = 120;

/** `observed 91.2 %` style one-liner: the expectation, and what was seen instead. */
export function expectationHeadline(result: RunResult, expectation: ExpectationResult): string {
  return `${expectation.expr}: observed ${formatObserved(expectation, result.metricUnits)}`;
}

/** `file:line:column` of the `expect:` entry, or the file alone when the position is not known. */
export function expectationLocation(file: string, expectation: { readonly position?: ExpectationResult['position'] }): string {
  const { position } = expectation;
  return position === undefined ? file : `${file}:${position.line}:${position.column}`;
}

export function witnessLines(witness: unknown): string[] {
  return witness === undefined ? [] : renderWitness(witness, WITNESS_WIDTH_COLUMNS);
}

/** Several lines: expectation, observed value, where it is written, witness, reproduce command. */
export function expectationDetailLines(result: RunResult, expectation: ExpectationResult): string[] {
  const lines = [
    `expectation: ${expectation.expr}`,
    `observed: ${formatObserved(expectation, result.metricUnits)}`,
    `scenario: ${result.scenario} (${expectationLocation(result.file, expectation)}), seed ${result.seed}`,
  ];
  const witness = witnessLines(expectation.witness);
  if (witness.length > 0) lines.push('witness:', ...witness.map((line) => `  ${line}`));
  lines.push(`Reproduce: ${result.reproduce}`);
  return lines;
}
