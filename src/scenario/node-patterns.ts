// Node selections as written in scenarios: names, `*` globs (`server-*`) and link expressions
// (`a -> b`, `a <-> b`). Pure: matches against a list of node names in topology order.

import type { LinkPattern } from './types.js';

export function isGlob(pattern: string): boolean {
  return pattern.includes('*');
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

/** The node names a name or glob selects, in topology order. */
export function matchNodes(pattern: string, nodeNames: readonly string[]): string[] {
  if (!isGlob(pattern)) return nodeNames.includes(pattern) ? [pattern] : [];
  const regExp = globToRegExp(pattern);
  return nodeNames.filter((name) => regExp.test(name));
}

export type LinkDirection = 'one-way' | 'both-ways';

export interface ParsedLinkExpression {
  readonly from: string;
  readonly to: string;
  readonly direction: LinkDirection;
}

/** Parses `a -> b` or `a <-> b`; returns an error message when the text is neither. */
export function parseLinkExpression(text: string): ParsedLinkExpression | string {
  const both = text.split('<->');
  const parts = both.length > 1 ? both : text.split('->');
  const direction: LinkDirection = both.length > 1 ? 'both-ways' : 'one-way';
  if (parts.length !== 2) {
    return `expected a link such as "a -> b" (one way) or "a <-> b" (both ways), got ${JSON.stringify(text)}`;
  }
  const from = parts[0].trim();
  const to = parts[1].trim();
  if (from === '' || to === '') return `a link needs a node (or *) on each side, got ${JSON.stringify(text)}`;
  return { from, to, direction };
}

/** The directed patterns a link expression stands for. */
export function linkPatterns(expression: ParsedLinkExpression): LinkPattern[] {
  const forward = { from: expression.from, to: expression.to };
  if (expression.direction === 'one-way' || expression.from === expression.to) return [forward];
  return [forward, { from: expression.to, to: expression.from }];
}

export function formatLinkExpression(expression: ParsedLinkExpression): string {
  return `${expression.from} ${expression.direction === 'one-way' ? '->' : '<->'} ${expression.to}`;
}
