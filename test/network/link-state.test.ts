// The link state (src/network/link-streams.ts, link-table.ts, link-blocks.ts, link-pattern.ts):
// draws with no per-link state at all, and parameters and blocks stored sparsely, in memory that
// grows with the links overridden, changed or blocked. (That the draws stay the same from run to
// run is shown by test/scenarios/recorded-output.test.ts.)

import { describe, expect, test } from 'vitest';
import { StreamFactory } from '../../src/kernel/random-stream.js';
import type { DistributionSpec } from '../../src/model/distribution.js';
import { LinkBlocks } from '../../src/network/link-blocks.js';
import { globMatcher, matchLinkPairs } from '../../src/network/link-pattern.js';
import { LinkStreams } from '../../src/network/link-streams.js';
import { LinkTable } from '../../src/network/link-table.js';
import type { LinkPattern, NetworkSpec, NodeSpec } from '../../src/network/topology-spec.js';

const constant = (valueUs: number): DistributionSpec => ({ kind: 'constant', valueUs });
const names = (count: number): string[] => Array.from({ length: count }, (_, i) => `n-${i}`);
const NO_PARAMETERS = { latency: null, extraDelay: null, lossProbability: null, duplicateProbability: null };

describe('LinkStreams', () => {
  test("a link's draws depend on its ends and the sender's own draws, whatever other senders do", () => {
    const nodeNames = names(300);
    const n = nodeNames.length;
    const shared = new LinkStreams(new StreamFactory(7), nodeNames);
    const order = new StreamFactory(99).stream('order');
    const drawsBySender = new Map<number, { to: number; draw: number }[]>();
    for (let i = 0; i < 20_000; i++) {
      const from = Math.floor(order.next() * n);
      const to = (from + 1 + Math.floor(order.next() * (n - 1))) % n;
      const draws = drawsBySender.get(from) ?? [];
      draws.push({ to, draw: shared.select(from, to).next() });
      drawsBySender.set(from, draws);
    }
    for (const [from, draws] of drawsBySender) {
      const alone = new LinkStreams(new StreamFactory(7), nodeNames);
      expect(draws.map(({ to }) => alone.select(from, to).next())).toEqual(draws.map(({ draw }) => draw));
    }
  });

  test('a link keeps its draws when nodes are added or reordered (they follow names, not indexes)', () => {
    const few = names(100);
    const more = [...names(300)].reverse();
    const small = new LinkStreams(new StreamFactory(3), few);
    const large = new LinkStreams(new StreamFactory(3), more);
    for (const [from, to] of [[3, 7], [99, 0], [0, 99], [42, 41]] as const) {
      const smallDraws = [1, 2, 3].map(() => small.select(from, to).next());
      const largeDraws = [1, 2, 3].map(() => large.select(more.indexOf(few[from]!), more.indexOf(few[to]!)).next());
      expect(smallDraws).toEqual(largeDraws);
    }
  });

  test('a link and its reverse have different draws; the seed changes both', () => {
    const nodeNames = names(2);
    const draw = (seed: number, from: number, to: number) => new LinkStreams(new StreamFactory(seed), nodeNames).select(from, to).next();
    expect(draw(1, 0, 1)).not.toBe(draw(1, 1, 0));
    expect(draw(1, 0, 1)).not.toBe(draw(2, 0, 1));
    expect(draw(1, 0, 1)).toBe(draw(1, 0, 1));
  });

  // The generator is a hash of a counter: these check it looks uniform and independent where a
  // simulation would notice. Bounds are 5-sigma-ish (a broken mix fails them by orders of magnitude).
  test('one link: uniform (chi-square over 256 cells) and without serial correlation', () => {
    const stream = new LinkStreams(new StreamFactory(11), names(10)).select(2, 5);
    const drawCount = 256 * 400;
    const cells = new Array<number>(256).fill(0);
    const draws: number[] = [];
    for (let i = 0; i < drawCount; i++) {
      const u = stream.next();
      draws.push(u);
      cells[Math.floor(u * 256)]!++;
    }
    const expected = drawCount / 256;
    const chiSquare = cells.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(255 + 5 * Math.sqrt(2 * 255)); // df 255: mean 255, sd 22.6
    expect(Math.abs(correlation(draws.slice(0, -1), draws.slice(1)))).toBeLessThan(5 / Math.sqrt(drawCount));
  });

  test("one sender's links, taken in turn: their draws are uncorrelated with each other", () => {
    const streams = new LinkStreams(new StreamFactory(5), names(4));
    const toOne: number[] = [];
    const toTwo: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      toOne.push(streams.select(0, 1).next());
      toTwo.push(streams.select(0, 2).next());
    }
    expect(Math.abs(correlation(toOne, toTwo))).toBeLessThan(5 / Math.sqrt(50_000));
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(Math.abs(mean(toOne) - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / 50_000));
  });
});

function correlation(xs: readonly number[], ys: readonly number[]): number {
  const count = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / count;
  const meanY = ys.reduce((a, b) => a + b, 0) / count;
  let covariance = 0;
  let varianceX = 0;
  let varianceY = 0;
  for (let i = 0; i < count; i++) {
    covariance += (xs[i]! - meanX) * (ys[i]! - meanY);
    varianceX += (xs[i]! - meanX) ** 2;
    varianceY += (ys[i]! - meanY) ** 2;
  }
  return covariance / Math.sqrt(varianceX * varianceY);
}

describe('matchLinkPairs', () => {
  const nodeNames = ['a-1', 'a-2', 'b-1', 'b-2', 'c'];
  const naive = (patterns: readonly LinkPattern[]) => {
    const pairs: number[][] = [];
    nodeNames.forEach((from, i) =>
      nodeNames.forEach((to, j) => {
        if (i !== j && patterns.some((p) => globMatcher(p.from)(from) && globMatcher(p.to)(to))) pairs.push([i, j]);
      }),
    );
    return pairs;
  };
  test.each<[string, LinkPattern[]]>([
    ['one pattern', [{ from: 'a-*', to: '*' }]],
    ['overlapping patterns, deduplicated, row-major', [{ from: '*', to: 'c' }, { from: 'a-*', to: 'b-*' }, { from: 'a-1', to: '*' }]],
    ['both directions', [{ from: 'a-*', to: 'b-*' }, { from: 'b-*', to: 'a-*' }]],
    ['no match', [{ from: 'x', to: '*' }]],
  ])('%s: the same pairs as testing every pair', (_, patterns) => {
    expect(matchLinkPairs(patterns, nodeNames)).toEqual(naive(patterns));
  });
});

describe('LinkTable', () => {
  const nodes: NodeSpec[] = [
    { name: 'eu-1', region: 'eu' },
    { name: 'eu-2', region: 'eu' },
    { name: 'us-1', region: 'us' },
    { name: 'x', region: null },
  ];
  const network: NetworkSpec = {
    latency: constant(1),
    lossProbability: 0.01,
    duplicateProbability: 0,
    links: [
      { links: [{ from: 'eu-1', to: 'us-1' }], ...NO_PARAMETERS, latency: constant(50), lossProbability: 0.2 },
      { links: [{ from: 'eu-1', to: 'us-1' }], ...NO_PARAMETERS, extraDelay: constant(5) },
    ],
  };
  const regions = [{ between: ['eu', 'us'] as const, latency: constant(100) }];
  const stream = new StreamFactory(1).stream('unused');
  const table = () => new LinkTable(nodes, regions, network);
  const latencyUs = (links: LinkTable, from: number, to: number) => {
    const state = links.state(links.index(from, to), from, to);
    return state.latency(stream) + (state.extraDelay?.(stream) ?? 0);
  };

  test('default, then region pair (both directions), then overrides in order', () => {
    const links = table();
    expect(links.uniform).toBe(false);
    expect(latencyUs(links, 0, 1)).toBe(1); // eu -> eu: no region entry
    expect(latencyUs(links, 2, 1)).toBe(100); // us -> eu
    expect(latencyUs(links, 1, 2)).toBe(100); // eu -> us
    expect(latencyUs(links, 3, 2)).toBe(1); // no region
    expect(latencyUs(links, 0, 2)).toBe(55); // overridden, then extra delay added
    expect(links.state(links.index(0, 2), 0, 2).lossProbability).toBe(0.2);
    expect(links.state(links.index(2, 0), 2, 0).lossProbability).toBe(0.01);
  });

  test('fault changes layer over the base, later wins, and restoring returns to the base', () => {
    const links = table();
    const slow = links.changeLinks([[0, 2], [1, 2]], { ...NO_PARAMETERS, extraDelay: constant(1000) });
    const lossy = links.changeLinks([[1, 2]], { ...NO_PARAMETERS, lossProbability: 0.5, latency: constant(7) });
    expect(latencyUs(links, 0, 2)).toBe(50 + 5 + 1000); // the override's extra delay is part of its base latency
    expect(latencyUs(links, 1, 2)).toBe(7 + 1000);
    expect(links.state(links.index(1, 2), 1, 2).lossProbability).toBe(0.5);
    links.restoreLinks(slow);
    expect(latencyUs(links, 0, 2)).toBe(55);
    expect(latencyUs(links, 1, 2)).toBe(7);
    links.restoreLinks(lossy);
    links.restoreLinks(lossy); // a no-op
    expect(latencyUs(links, 1, 2)).toBe(100);
    expect(links.state(links.index(1, 2), 1, 2).lossProbability).toBe(0.01);
  });

  test('uniform while no region, override or change applies', () => {
    const links = new LinkTable(nodes, [], { ...network, links: [] });
    expect(links.uniform).toBe(true);
    const change = links.changeLinks([[0, 1]], { ...NO_PARAMETERS, lossProbability: 1 });
    expect(links.uniform).toBe(false);
    expect(links.state(links.index(0, 1), 0, 1).lossProbability).toBe(1);
    expect(links.state(links.index(1, 0), 1, 0).lossProbability).toBe(0.01);
    links.restoreLinks(change);
    expect(links.uniform).toBe(true);
  });

  test('10,000 nodes with regions and an override: no n x n allocation', () => {
    const big: NodeSpec[] = names(10_000).map((name, i) => ({ name, region: i % 2 === 0 ? 'eu' : 'us' }));
    const heapBefore = process.memoryUsage().heapUsed;
    const links = new LinkTable(big, regions, { ...network, links: [{ links: [{ from: 'n-1', to: '*' }], ...NO_PARAMETERS, lossProbability: 0.3 }] });
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    expect(heapGrowthMb).toBeLessThan(50); // n x n arrays of 8 bytes alone would be 800 MB
    expect(latencyUs(links, 0, 9_999)).toBe(100);
    expect(links.state(links.index(1, 9_998), 1, 9_998).lossProbability).toBe(0.3);
    expect(links.state(links.index(2, 9_998), 2, 9_998).lossProbability).toBe(0.01);
  });
});

describe('LinkBlocks', () => {
  test('overlapping blocks count per link; cut notices when a node gains its first or loses its last blocked link', () => {
    const notices: [number, boolean][] = [];
    const blocks = new LinkBlocks(4, (node, cut) => notices.push([node, cut]));
    expect(blocks.blockedLinkCount).toBe(0);
    const first = blocks.block([[0, 1], [1, 0]]);
    const second = blocks.block([[0, 1], [2, 3]]);
    expect(blocks.blockedLinkCount).toBe(3);
    expect(notices).toEqual([[0, true], [1, true], [2, true], [3, true]]);
    blocks.unblock(first);
    expect(blocks.isBlocked(0, 1)).toBe(true); // still held by the second
    expect(blocks.isBlocked(1, 0)).toBe(false);
    expect(notices.length).toBe(4); // 0 and 1 are still cut by 0 -> 1
    blocks.unblock(first); // a no-op
    expect(blocks.unblockAll()).toEqual([[0, 1], [2, 3]]);
    expect(blocks.blockedLinkCount).toBe(0);
    expect(blocks.isLinkBlocked(1)).toBe(false);
    expect(notices.slice(4)).toEqual([[0, false], [1, false], [2, false], [3, false]]);
    expect(second.active).toBe(false);
  });
});
