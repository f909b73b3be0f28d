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

/** Every (from, to) index pair, from != to, matched by any of the patterns, in row-major order. */
export function matchLinkPairs(patterns: readonly LinkPattern[], nodeNames: readonly string[]): number[][] {
  const pairs: number[][] = [];
  const compiled = patterns.map((pattern) => ({ from: globMatcher(pattern.from), to: globMatcher(pattern.to) }));
  for (let from = 0; from < nodeNames.length; from++) {
    for (let to = 0; to < nodeNames.length; to++) {
      if (from === to) continue;
      if (compiled.some((c) => c.from(nodeNames[from]!) && c.to(nodeNames[to]!))) pairs.push([from, to]);
    }
  }
  return pairs;
}
