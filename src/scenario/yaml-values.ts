// Reading one located YAML value as a typed scenario value (duration, probability, node names,
// link, list...). Each function returns the value, or null after reporting the problem, so that
// loading goes on and every problem is found in one pass. Used by the config reader and by the
// section parsers for list items.

import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { didYouMean, suggestionHint } from './did-you-mean.js';
import {
  formatLinkExpression,
  isGlob,
  linkPatterns,
  matchNodes,
  parseLinkExpression,
  type ParsedLinkExpression,
} from './node-patterns.js';
import type { ReaderContext } from './reader-context.js';
import type { LinkPattern } from './types.js';
import {
  formatDuration,
  parseDurationRangeUs,
  parseDurationUs,
  parsePpm,
  parseSignedDurationUs,
  parseProbability,
  parseRatePerSecond,
  describeValue,
  type DurationRangeUs,
  type Parsed,
} from './units.js';

/** A YAML node and its key path. */
export interface ValueAt {
  readonly node: unknown;
  readonly path: string;
}

export interface NumberBounds {
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** The node an alias points to, or the node itself. */
export function resolveNode(context: ReaderContext, node: unknown): unknown {
  return isAlias(node) ? node.resolve(context.document) : node;
}

/** The plain scalar value; maps and lists become `{}` and `[]` (for messages). */
export function plainValue(context: ReaderContext, node: unknown): unknown {
  const resolved = resolveNode(context, node);
  if (isScalar(resolved)) return resolved.value;
  if (isSeq(resolved)) return [];
  if (isMap(resolved)) return {};
  return resolved ?? null;
}

function fromParsed<T>(context: ReaderContext, at: ValueAt, parsed: Parsed<T>): T | null {
  if (parsed.ok) return parsed.value;
  context.problems.report(at, parsed.message, parsed.hint);
  return null;
}

function checkBounds(
  context: ReaderContext,
  at: ValueAt,
  value: number,
  bounds: NumberBounds,
  format: (n: number) => string,
): number | null {
  if (bounds.integer && !Number.isInteger(value)) {
    context.problems.report(at, `must be a whole number, got ${format(value)}`);
    return null;
  }
  if (bounds.min !== undefined && value < bounds.min) {
    context.problems.report(at, `must be at least ${format(bounds.min)}, got ${format(value)}`);
    return null;
  }
  if (bounds.max !== undefined && value > bounds.max) {
    context.problems.report(at, `must be at most ${format(bounds.max)}, got ${format(value)}`);
    return null;
  }
  return value;
}

/** A duration in microseconds; bounds are in microseconds too. */
export function durationAt(context: ReaderContext, at: ValueAt, bounds: NumberBounds = {}): number | null {
  const us = fromParsed(context, at, parseDurationUs(plainValue(context, at.node)));
  return us === null ? null : checkBounds(context, at, us, bounds, formatDuration);
}

/** A duration that may be negative, in microseconds. */
export function signedDurationAt(context: ReaderContext, at: ValueAt, bounds: NumberBounds = {}): number | null {
  const us = fromParsed(context, at, parseSignedDurationUs(plainValue(context, at.node)));
  return us === null ? null : checkBounds(context, at, us, bounds, formatDuration);
}

/** Parts per million; bounds in ppm. */
export function ppmAt(context: ReaderContext, at: ValueAt, bounds: NumberBounds = {}): number | null {
  const ppm = fromParsed(context, at, parsePpm(plainValue(context, at.node)));
  return ppm === null ? null : checkBounds(context, at, ppm, bounds, (n) => `${n}ppm`);
}

export function durationRangeAt(context: ReaderContext, at: ValueAt): DurationRangeUs | null {
  return fromParsed(context, at, parseDurationRangeUs(plainValue(context, at.node)));
}

export function numberAt(context: ReaderContext, at: ValueAt, bounds: NumberBounds = {}): number | null {
  const value = plainValue(context, at.node);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    context.problems.report(at, `expected a number, got ${describeValue(value)}`);
    return null;
  }
  return checkBounds(context, at, value, bounds, String);
}

export function probabilityAt(context: ReaderContext, at: ValueAt): number | null {
  return fromParsed(context, at, parseProbability(plainValue(context, at.node)));
}

export function ratePerSecondAt(context: ReaderContext, at: ValueAt, bounds: NumberBounds = {}): number | null {
  const rate = fromParsed(context, at, parseRatePerSecond(plainValue(context, at.node)));
  return rate === null ? null : checkBounds(context, at, rate, bounds, (n) => `${n}/s`);
}

export function stringAt(context: ReaderContext, at: ValueAt, oneOf?: readonly string[]): string | null {
  const value = plainValue(context, at.node);
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') {
    const expected = oneOf ? `one of ${oneOf.join(', ')}` : 'a string';
    context.problems.report(at, `expected ${expected}, got ${describeValue(value)}`);
    return null;
  }
  if (oneOf && !oneOf.includes(text)) {
    context.problems.report(at, `expected one of ${oneOf.join(', ')}, got ${JSON.stringify(text)}`, didYouMean(text, oneOf));
    return null;
  }
  return text;
}

export function booleanAt(context: ReaderContext, at: ValueAt): boolean | null {
  const value = plainValue(context, at.node);
  if (typeof value !== 'boolean') {
    context.problems.report(at, `expected true or false, got ${describeValue(value)}`);
    return null;
  }
  return value;
}

/** The items of a list, each with its path (`faults[2]`). */
export function listAt(context: ReaderContext, at: ValueAt, what = 'a list'): ValueAt[] | null {
  const node = resolveNode(context, at.node);
  if (!isSeq(node)) {
    context.problems.report(at, `expected ${what}, got ${describeValue(plainValue(context, at.node))}`);
    return null;
  }
  return node.items.map((item, index) => ({ node: item, path: `${at.path}[${index}]` }));
}

function reportUnmatched(context: ReaderContext, at: ValueAt, pattern: string, side?: string): void {
  if (!context.topology.complete) return;
  const names = context.topology.nodeNames;
  const where = side ? `${side} side ` : '';
  if (isGlob(pattern)) {
    context.problems.report(at, `${where}${JSON.stringify(pattern)} matches no node`, suggestionHint(pattern, names, 'nodes'));
  } else {
    context.problems.report(at, `${where}unknown node ${JSON.stringify(pattern)}`, suggestionHint(pattern, names, 'nodes'));
  }
}

/** One node name (no globs) that exists in the topology. */
export function nodeNameAt(context: ReaderContext, at: ValueAt): string | null {
  const name = stringAt(context, at);
  if (name === null) return null;
  if (isGlob(name)) {
    context.problems.report(at, `expected one node name, got the pattern ${JSON.stringify(name)}`);
    return null;
  }
  if (!context.topology.nodeNames.includes(name)) {
    reportUnmatched(context, at, name);
    return null;
  }
  return name;
}

/**
 * A node name, glob, or list of them; expanded (globs in topology order), without duplicates.
 * Returns null after reporting when any entry matches nothing.
 */
export function nodeNamesAt(context: ReaderContext, at: ValueAt): string[] | null {
  const node = resolveNode(context, at.node);
  const entries: ValueAt[] = isSeq(node) ? (listAt(context, at) ?? []) : [at];
  if (isSeq(node) && entries.length === 0) {
    context.problems.report(at, 'expected at least one node');
    return null;
  }
  const selected = new Set<string>();
  let failed = false;
  for (const entry of entries) {
    const pattern = stringAt(context, entry);
    if (pattern === null) {
      failed = true;
      continue;
    }
    const matched = matchNodes(pattern, context.topology.nodeNames);
    if (matched.length === 0) {
      reportUnmatched(context, entry, pattern);
      failed = true;
    }
    for (const name of matched) selected.add(name);
  }
  return failed ? null : [...selected];
}

export interface LinkSelection {
  /** As written, normalized: `a -> b` or `a <-> b`. */
  readonly text: string;
  readonly patterns: readonly LinkPattern[];
}

/** A link expression whose sides each match at least one node. */
export function linkAt(context: ReaderContext, at: ValueAt): LinkSelection | null {
  const text = stringAt(context, at);
  if (text === null) return null;
  const expression: ParsedLinkExpression | string = parseLinkExpression(text);
  if (typeof expression === 'string') {
    context.problems.report(at, expression);
    return null;
  }
  let failed = false;
  for (const [side, pattern] of [['left', expression.from], ['right', expression.to]] as const) {
    if (matchNodes(pattern, context.topology.nodeNames).length === 0) {
      reportUnmatched(context, at, pattern, side);
      failed = true;
    }
  }
  return failed ? null : { text: formatLinkExpression(expression), patterns: linkPatterns(expression) };
}
