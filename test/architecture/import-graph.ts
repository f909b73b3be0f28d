// Builds the import graph of src/ from the files' import and export statements (type-only ones
// included: a type import is still a dependency of the design). Plain data for the layering test.

import fs from 'node:fs';
import path from 'node:path';

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
}

const IMPORT_PATTERN = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function sourceFiles(rootDir: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts)$/.test(entry.name)) files.push(full);
    }
  };
  walk(rootDir);
  return files;
}

/** Relative imports between files of `rootDir`, as paths relative to it (`model/api.ts`). */
export function importEdges(rootDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(rootDir)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT_PATTERN)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const target = path.normalize(path.join(path.dirname(file), specifier)).replace(/\.js$/, '.ts');
      edges.push({ from: path.relative(rootDir, file), to: path.relative(rootDir, target) });
    }
  }
  return edges;
}

/** Every cycle's files, found by depth-first search (each cycle reported once, by its first file). */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const edge of edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of next.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push(stack.slice(stack.indexOf(target)));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...next.keys()].sort()) if (!state.has(file)) visit(file);
  return cycles;
}
