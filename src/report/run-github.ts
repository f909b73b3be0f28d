// `ddsim run` for GitHub Actions: workflow-command annotations and a Markdown job summary.
// Each violated expectation is an `::error` at the line of its `expect:` entry (so the pull
// request shows it on the scenario file), each undecided one a `::warning`, a run that did not
// complete an `::error` on the file; a passing run gets its one-line summary as plain log text.
// The job summary has the verdict, the expectations with observed values, the witnesses and the
// reproduce command of each run.

import type { ExpectationResult, RunResult, RunTiming } from '../result/run-result.js';
import { expectationDetailLines, witnessLines } from './expectation-detail.js';
import { expectationOutcome, type ExpectationOutcome } from '../result/expectation-outcome.js';
import { formatObserved } from './expectations-table.js';
import { annotationCommand, type Annotation } from './github-commands.js';
import { markdownCell, markdownCodeBlock, markdownDetails, markdownTable } from './markdown-text.js';
import { formatMetricValue } from './metric-units.js';
import { stopWarning } from './run-header.js';
import { renderRunSummary } from './run-summary.js';

const OUTCOME_TEXT: Readonly<Record<ExpectationOutcome, string>> = { passed: '✓ PASS', failed: '✗ FAIL', undecided: '? UNDECIDED' };

/** The annotation lines of one run (and its summary line), each ending in a newline. */
export function renderRunAnnotations(result: RunResult, timing: RunTiming | null): string {
  const lines = [renderRunSummary(result, timing, { color: false })];
  lines.push(...runAnnotations(result).map(annotationCommand));
  return `${lines.join('\n')}\n`;
}

export function runAnnotations(result: RunResult): Annotation[] {
  const annotations: Annotation[] = [];
  for (const expectation of result.expectations) {
    const outcome = expectationOutcome(expectation);
    if (outcome === 'passed') continue;
    annotations.push({
      level: outcome === 'failed' ? 'error' : 'warning',
      file: result.file,
      ...(expectation.position === undefined ? {} : { line: expectation.position.line, column: expectation.position.column }),
      title: `${outcome === 'failed' ? 'expectation failed' : 'expectation undecided'}: ${expectation.expr} (${result.scenario}, seed ${result.seed})`,
      message: expectationDetailLines(result, expectation).join('\n'),
    });
  }
  if (result.stopReason !== 'completed') {
    annotations.push({
      level: 'error',
      file: result.file,
      title: `run did not complete: ${result.scenario} (seed ${result.seed}, ${result.stopReason})`,
      message: `${stopWarning(result) ?? result.stopReason}\nReproduce: ${result.reproduce}`,
    });
  }
  return annotations;
}

/** The Markdown job summary of every run. */
export function renderRunsJobSummary(results: readonly RunResult[]): string {
  return `${results.flatMap(runSummaryLines).join('\n')}\n`;
}

function runSummaryLines(result: RunResult): string[] {
  const verdict = result.ok ? '✓ PASS' : result.stopReason === 'completed' ? '✗ FAIL' : '✗ DID NOT COMPLETE';
  const lines = [`## ddsim run: ${verdict} — ${markdownCell(result.scenario)} (seed ${result.seed})`, ''];
  lines.push(`File \`${markdownCell(result.file)}\`${result.sets.length === 0 ? '' : `, ${result.sets.map((set) => `\`--set ${markdownCell(set)}\``).join(' ')}`}`, '');
  const warning = stopWarning(result);
  if (warning !== null) lines.push(`> [!WARNING]`, `> ${markdownCell(warning)}`, '');
  lines.push(...expectationRows(result), '');
  for (const expectation of result.expectations) lines.push(...witnessSection(expectation));
  lines.push(...markdownDetails('metrics', metricRows(result)), '');
  if (!result.ok) lines.push('Reproduce:', '', ...markdownCodeBlock(result.reproduce, 'sh'), '');
  return lines;
}

function expectationRows(result: RunResult): string[] {
  if (result.expectations.length === 0) return ['No expectations in this scenario.'];
  return markdownTable(
    ['expectation', 'observed', 'result'],
    result.expectations.map((expectation) => [expectation.expr, formatObserved(expectation, result.metricUnits), OUTCOME_TEXT[expectationOutcome(expectation)]]),
  );
}

function witnessSection(expectation: ExpectationResult): string[] {
  const witness = witnessLines(expectation.witness);
  if (witness.length === 0) return [];
  return [...markdownDetails(`witness for ${expectation.expr}`, markdownCodeBlock(witness.join('\n'))), ''];
}

function metricRows(result: RunResult): string[] {
  const names = Object.keys(result.metrics).sort();
  return markdownTable(['metric', 'value'], names.map((name) => [name, formatMetricValue(name, result.metrics[name], result.metricUnits)]));
}
