// `expect:` -> comparisons (`latency.p99 <= 250ms`, `availability >= 95%`) against the metrics a
// run records (core + the model's), and named checks (`linearizable`) the model supports.
// Durations compare in milliseconds, the unit metrics record times in.

import { suggestionHint } from './did-you-mean.js';
import type { ReaderContext } from './reader-context.js';
import type { ComparisonOperator, ExpectationSpec, SourcePosition } from './types.js';
import { parseDurationUs, parsePercent, US_PER_MS } from './units.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { stringAt, type ValueAt } from './yaml-values.js';

export interface ExpectationVocabulary {
  readonly metricNames: readonly string[];
  readonly checkNames: readonly string[];
}

export const COMPARISON_PATTERN = /^\s*([A-Za-z_][\w.\-]*)\s*(<=|>=|==|!=|<|>)\s*(\S.*?)\s*$/;
export const CHECK_PATTERN = /^\s*([A-Za-z_][\w.\-]*)\s*$/;
const NUMBER_PATTERN = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/**
 * Reads `expect:`. With `vocabulary` null (the model could not be loaded), only the syntax is
 * checked: names cannot be, and reporting them all as unknown would bury the real problem.
 */
export function parseExpectations(root: YamlConfigReader, vocabulary: ExpectationVocabulary | null): ExpectationSpec[] {
  const { context } = root;
  const expectations: ExpectationSpec[] = [];
  for (const item of root.list('expect') ?? []) {
    const text = stringAt(context, item);
    if (text === null) continue;
    const report = (message: string, hint?: string): void => context.problems.report(item, message, hint);
    const position = positionOf(context, item);
    const comparison = COMPARISON_PATTERN.exec(text);
    if (comparison) {
      const [, metric, operator, valueText] = comparison;
      const value = parseExpectedValue(valueText);
      if (typeof value === 'string') report(value, 'e.g. 0.95, 95% or 250ms');
      if (vocabulary !== null && !vocabulary.metricNames.includes(metric)) {
        report(`unknown metric ${JSON.stringify(metric)}`, suggestionHint(metric, vocabulary.metricNames, 'available metrics', 1000));
        continue;
      }
      if (typeof value === 'number') {
        expectations.push({ kind: 'compare', text: text.trim(), metric, operator: operator as ComparisonOperator, value, ...position });
      }
      continue;
    }
    const check = CHECK_PATTERN.exec(text);
    if (!check) {
      report(`expected a comparison such as "latency.p99 <= 250ms" or a check name, got ${JSON.stringify(text)}`,
        'operators: < <= > >= == !=');
      continue;
    }
    const name = check[1];
    if (vocabulary !== null && !vocabulary.checkNames.includes(name)) {
      const hint = vocabulary.checkNames.length === 0
        ? 'this model supports no named checks; to compare a metric write e.g. "availability >= 0.95"'
        : suggestionHint(name, vocabulary.checkNames, 'checks');
      report(`unknown check ${JSON.stringify(name)}`, hint);
      continue;
    }
    expectations.push({ kind: 'check', text: text.trim(), name, ...position });
  }
  return expectations;
}

/** `{ position }` where the entry is written in the file; {} for one that came from `--set` (line 0). */
function positionOf(context: ReaderContext, item: ValueAt): { position?: SourcePosition } {
  const { line, column } = context.problems.locate(item.node);
  return line > 0 ? { position: { line, column } } : {};
}

/** A number, a percentage (as a fraction) or a duration (in milliseconds); else an error message. */
function parseExpectedValue(text: string): number | string {
  if (NUMBER_PATTERN.test(text)) return Number(text);
  const percent = parsePercent(text);
  if (percent !== null) return percent;
  const duration = parseDurationUs(text);
  if (duration.ok) return duration.value / US_PER_MS;
  return `expected a number, a percentage or a duration after the operator, got ${JSON.stringify(text)}`;
}
