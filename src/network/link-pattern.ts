// Matching of link patterns (`a -> b`, with `*` globs on node names) against node names.

import type { LinkPattern } from './topology-spec.js';

export type NameMatcher = (name: string) => boolean;

export function globMatcher(pattern: string): NameMatcher {
  if (pattern === '*') return () => true;
  if (!pattern.includes('*')) return (name) => name === pattern;
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  const regex = new RegExp(`^${escaped.join('.*')}$`);
  return (name) => regex.test(name);
}

/**
 * Every (from, to) index pair, from != to, matched by any of the patterns, in row-major order.
 * Each pattern's two ends are matched against the names once (O(n) glob tests, not O(n²)), so the
 * cost is the names plus the pairs matched.
 */
export function matchLinkPairs(patterns: readonly LinkPattern[], nodeNames: readonly string[]): number[][] {
  const n = nodeNames.length;
  const ends = patterns.map((pattern) => ({ from: matchingIndexes(pattern.from, nodeNames), to: matchingIndexes(pattern.to, nodeNames) }));
  if (ends.length === 1) return crossPairs(ends[0]!.from, ends[0]!.to);
  const links = new Set<number>();
  for (const { from, to } of ends) {
    for (const [a, b] of crossPairs(from, to)) links.add(a! * n + b!);
  }
  return Float64Array.from(links)
    .sort()
    .reduce<number[][]>((pairs, link) => (pairs.push([Math.floor(link / n), link % n]), pairs), []);
}

function matchingIndexes(pattern: string, nodeNames: readonly string[]): number[] {
  const matches = globMatcher(pattern);
  const indexes: number[] = [];
  nodeNames.forEach((name, index) => {
    if (matches(name)) indexes.push(index);
  });
  return indexes;
}

/** from x to without self-links, in row-major order (both lists ascending). */
function crossPairs(froms: readonly number[], tos: readonly number[]): number[][] {
  const pairs: number[][] = [];
  for (const from of froms) {
    for (const to of tos) if (from !== to) pairs.push([from, to]);
  }
  return pairs;
}
