// The layering rules of README "How it is built", enforced on the import statements of src/:
// a module imports only from its own layer or lower ones, there are no import cycles, and the
// built-in models import only the public model API (src/model/) and their own folder.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importEdges, type ImportEdge } from './import-graph.js';

const SRC = path.resolve(__dirname, '../../src');

/** Bottom (0) to top. Layers of the same rank may not import each other. */
const LAYER_RANKS: ReadonlyArray<readonly [prefix: string, rank: number]> = [
  ['model/kit/', 3],
  ['model/', 0],
  ['errors/', 0],
  ['kernel/', 1],
  ['capture/', 1],
  ['metrics/', 1],
  ['check/', 1],
  ['result/', 1],
  ['network/', 2],
  ['checks/', 2],
  ['sim/', 4],
  ['faults/', 5],
  ['scenario/', 6],
  ['models/', 7],
  // Starter scenarios and model skeletons for `ddsim init`: text only, imports nothing below it.
  ['init/', 7],
  ['run/', 8],
  ['io/', 8],
  ['sweep/', 9],
  // Explore runs schedules over the sweep's worker pool and shrinks failures; the reports show them.
  ['explore/', 9.5],
  ['report/', 10],
  ['output/', 11],
  ['cli/', 12],
  ['bench/', 12],
  ['index.ts', 12],
];

function layerOf(file: string): readonly [string, number] {
  const layer = LAYER_RANKS.find(([prefix]) => file.startsWith(prefix));
  if (layer === undefined) throw new Error(`src/${file} is in no layer: add its folder to LAYER_RANKS`);
  return layer;
}

function upwardImports(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((edge) => {
      const [fromLayer, fromRank] = layerOf(edge.from);
      const [toLayer, toRank] = layerOf(edge.to);
      return fromLayer !== toLayer && toRank >= fromRank;
    })
    .map((edge) => `${edge.from} -> ${edge.to}`);
}

/** Built-in models may import src/model/ (the public API and kit), their own folder, and nothing else. */
function modelRuleBreaks(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((edge) => /^models\/[^/]+\//.test(edge.from))
    .filter((edge) => {
      const ownFolder = edge.from.split('/').slice(0, 2).join('/') + '/';
      return !edge.to.startsWith('model/') && !edge.to.startsWith(ownFolder);
    })
    .map((edge) => `${edge.from} -> ${edge.to}`);
}

describe('the import graph of src/', () => {
  const edges = importEdges(SRC);

  it('finds the imports it checks (the scan itself works)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'kernel/kernel.ts', to: 'model/assert.ts' });
  });

  it('has no import from a lower layer to a higher one (or across layers of one rank)', () => {
    expect(upwardImports(edges)).toEqual([]);
  });

  it('has no cycles', () => {
    expect(findCycles(edges)).toEqual([]);
  });

  it('lets built-in models import only the public model API and their own folder', () => {
    expect(modelRuleBreaks(edges)).toEqual([]);
  });

  it('would catch an upward import, a cycle and a model reaching into the simulator', () => {
    const bad: ImportEdge[] = [
      { from: 'kernel/kernel.ts', to: 'sim/node-table.ts' },
      { from: 'sim/a.ts', to: 'sim/b.ts' },
      { from: 'sim/b.ts', to: 'sim/a.ts' },
      { from: 'models/raft/index.ts', to: 'sim/node-table.ts' },
    ];
    expect(upwardImports(bad)).toEqual(['kernel/kernel.ts -> sim/node-table.ts']);
    expect(findCycles(bad)).toEqual([['sim/a.ts', 'sim/b.ts']]);
    expect(modelRuleBreaks(bad)).toEqual(['models/raft/index.ts -> sim/node-table.ts']);
  });
});
