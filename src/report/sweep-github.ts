// `ddsim sweep` (and `merge`) for GitHub Actions: an `::error` at the `expect:` line of each
// expectation that was violated in some combination, listing those combinations with their
// failing seeds and a reproduce command (`::warning` when it was only undecided); an `::error`
// on the file for runs that did not complete, threw or are missing; and a Markdown job summary
// with the combination table and the reproduce commands.

import type { CombinationSummary, SweepSummary } from '../sweep/summarize.js';
import { annotationCommand, type Annotation } from './github-commands.js';
import { markdownCell, markdownCodeBlock, markdownTable } from './markdown-text.js';
import { passRateText, spreadText } from './sweep-cells.js';
import { brokenRunTexts, combinationName, expectationRateText, sweepCountsText } from './sweep-problems.js';

/** Combinations listed in one annotation; the job summary has them all. */
const COMBINATIONS_PER_ANNOTATION_MAX = 20;

export function renderSweepAnnotations(summary: SweepSummary): string {
  const lines = [`ddsim sweep ${summary.file}: ${sweepCountsText(summary)}`, ...sweepAnnotations(summary).map(annotationCommand)];
  return `${lines.join('\n')}\n`;
}

export function sweepAnnotations(summary: SweepSummary): Annotation[] {
  const annotations: Annotation[] = [];
  const expressions = summary.combinations[0]?.expectations.map((rate) => rate.expr) ?? [];
  expressions.forEach((expr, position) => {
    const annotation = expectationAnnotation(summary, expr, position);
    if (annotation !== null) annotations.push(annotation);
  });
  const broken = summary.combinations.flatMap((combination) => brokenRunTexts(combination).map((text) => `${combinationName(combination)}: ${text}`));
  if (broken.length > 0) {
    annotations.push({ level: 'error', file: summary.file, title: `sweep: runs did not complete (${summary.file})`, message: listText(broken) });
  }
  return annotations;
}

function expectationAnnotation(summary: SweepSummary, expr: string, index: number): Annotation | null {
  const rates = summary.combinations.map((combination) => ({ combination, rate: combination.expectations[index] }));
  const violated = rates.filter(({ rate }) => rate.failed > 0);
  const undecided = rates.filter(({ rate }) => rate.failed === 0 && rate.undecided > 0);
  const listed = violated.length > 0 ? violated : undecided;
  if (listed.length === 0) return null;
  const position = rates.find(({ rate }) => rate.position !== undefined)?.rate.position;
  const what = violated.length > 0 ? 'failed' : 'undecided';
  const lines = listed.map(({ combination, rate }) => {
    const reproduce = rate.firstFailureReproduce === null ? '' : ` — Reproduce: ${rate.firstFailureReproduce}`;
    return `${combinationName(combination)}: ${expectationRateText(rate)}${reproduce}`;
  });
  return {
    level: violated.length > 0 ? 'error' : 'warning',
    file: summary.file,
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
    title: `sweep: ${expr} ${what} in ${listed.length} of ${summary.combinations.length} combinations`,
    message: listText(lines),
  };
}

function listText(lines: readonly string[]): string {
  const shown = lines.slice(0, COMBINATIONS_PER_ANNOTATION_MAX);
  const hidden = lines.length - shown.length;
  return [...shown, ...(hidden > 0 ? [`… and ${hidden} more (see the job summary)`] : [])].join('\n');
}

export function renderSweepJobSummary(summary: SweepSummary): string {
  const failing = summary.combinations.filter((combination) => combination.firstFailure !== null || brokenRunTexts(combination).length > 0);
  const verdict = failing.length === 0 && summary.runs > 0 ? '✓ PASS' : '✗ FAIL';
  const lines = [
    `## ddsim sweep: ${verdict} — \`${markdownCell(summary.file)}\``,
    '',
    `${markdownCell(sweepCountsText(summary))} (sweep ${summary.fingerprint}). Expectations: share of runs in which each held; metrics: median [5 % – 95 %] across seeds.`,
    '',
    ...combinationTable(summary),
    '',
  ];
  const broken = failing.flatMap((combination) => brokenRunTexts(combination).map((text) => `- ${markdownCell(`${combinationName(combination)}: ${text}`)}`));
  if (broken.length > 0) lines.push('Runs that did not complete, threw or are missing:', '', ...broken, '');
  const reproduce = failing.flatMap((combination) => {
    const failure = combination.firstFailure;
    if (failure === null) return [];
    return [`${failure.reproduce}${failure.error === null ? '' : `   # threw: ${failure.error.split('\n')[0]}`}`];
  });
  if (reproduce.length > 0) lines.push('Reproduce the first failing run of each failing combination:', '', ...markdownCodeBlock(reproduce.join('\n'), 'sh'), '');
  return `${lines.join('\n')}\n`;
}

function combinationTable(summary: SweepSummary): string[] {
  const expressions = summary.combinations[0]?.expectations.map((rate) => rate.expr) ?? [];
  const head = ['', ...(summary.varyPaths.length === 0 ? ['combination'] : summary.varyPaths), 'runs', 'all pass', ...expressions, ...summary.metrics];
  const rows = summary.combinations.map((combination) => [
    statusMark(combination, combination.index === summary.bestIndex),
    ...(summary.varyPaths.length === 0 ? ['(as written)'] : combination.params.map((param) => param.value)),
    combination.runs === combination.expectedRuns ? String(combination.runs) : `${combination.runs}/${combination.expectedRuns}`,
    passRateText(combination.okRuns, combination.runs),
    ...combination.expectations.map((rate) => passRateText(rate.passed, rate.runs)),
    ...combination.metrics.map(spreadText),
  ]);
  return markdownTable(head, rows);
}

function statusMark(combination: CombinationSummary, best: boolean): string {
  if (combination.runs === 0) return '?';
  if (combination.okRuns < combination.runs || combination.runs < combination.expectedRuns) return '✗';
  return best ? '★' : '✓';
}
