// Random fault processes against theory: each node alternates exponential up (mtbf) and down
// (mttr) periods, so it is up a = mtbf/(mtbf+mttr) of the time, independently of the others.

import { describe, expect, it } from 'vitest';
import { Sfc32Stream, StreamFactory } from '../../src/kernel/random-stream.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { partitionGroups } from '../../src/faults/random-faults.js';
import { probeModel } from '../builders/probe-model.js';
import { buildScenario } from '../builders/scenario.js';

describe('random crashes', () => {
  it('match the alternating renewal process: mean nodes down and time all up', () => {
    const mtbfUs = 10_000_000;
    const mttrUs = 2_000_000;
    const result = runScenario(
      buildScenario({
        model: probeModel,
        config: { intervalUs: 1_000_000_000, from: 'x', to: 'y' },
        nodes: ['x', 'y', 'z'].map((name) => ({ name, region: null })),
        durationUs: 40_000_000_000,
        randomFaults: [{ kind: 'random-crash', nodes: ['x', 'y', 'z'], role: null, mtbfUs, mttrUs, mode: 'silent' }],
      }),
    );
    const up = mtbfUs / (mtbfUs + mttrUs);
    // About 3,300 cycles per node: the standard error of the down fraction is under 1%.
    expect(result.metrics['nodes.down-mean']).toBeGreaterThan(3 * (1 - up) * 0.95);
    expect(result.metrics['nodes.down-mean']).toBeLessThan(3 * (1 - up) * 1.05);
    expect(Math.abs(result.metrics['nodes.all-up-fraction']! - up ** 3)).toBeLessThan(0.02);
  });

  it('with `every: A..B` the up times are uniform: down (A+B)/2 vs mttr, and never up longer than B', () => {
    const mttrUs = 1_000_000;
    const result = runScenario(
      buildScenario({
        model: probeModel,
        config: { intervalUs: 1_000_000_000, from: 'x', to: 'y' },
        nodes: ['x', 'y'].map((name) => ({ name, region: null })),
        durationUs: 4_000_000_000,
        randomFaults: [{ kind: 'random-crash', nodes: ['x'], role: null, mtbfUs: 3_000_000, everyUs: { minUs: 2_000_000, maxUs: 4_000_000 }, mttrUs, mode: 'silent' }],
      }),
    );
    // About 1,000 cycles: the down fraction 1/(3+1) has a standard error near 0.7%.
    expect(result.metrics['nodes.down-mean']).toBeGreaterThan(0.25 * 0.95);
    expect(result.metrics['nodes.down-mean']).toBeLessThan(0.25 * 1.05);
    // Up periods: from each restart to the next crash, always within [2s, 4s].
    const times = result.faults.map((fault) => fault.atUs);
    const upTimesUs = times.flatMap((restartUs, i) => (i % 2 === 1 && i + 1 < times.length ? [times[i + 1]! - restartUs] : []));
    expect(Math.min(...upTimesUs)).toBeGreaterThanOrEqual(2_000_000);
    expect(Math.max(...upTimesUs)).toBeLessThanOrEqual(4_000_000);
    // Uniform on [2s, 4s]: each quarter of the range holds about a quarter of the up times.
    const lowQuarter = upTimesUs.filter((us) => us < 2_500_000).length / upTimesUs.length;
    expect(lowQuarter).toBeGreaterThan(0.2);
    expect(lowQuarter).toBeLessThan(0.3);
    expect(times.length).toBeGreaterThan(1500);
  });
});

describe('random partition shapes', () => {
  const nodes = ['n1', 'n2', 'n3', 'n4', 'n5'];
  const stream = (): Sfc32Stream => new StreamFactory(1).stream('shapes');

  it('isolate-one cuts one node from the rest', () => {
    const [minority, rest] = partitionGroups('isolate-one', nodes, stream());
    expect(minority).toHaveLength(1);
    expect(rest).toHaveLength(4);
  });

  it('majority-minority leaves a strict majority together', () => {
    const [minority, majority] = partitionGroups('majority-minority', nodes, stream());
    expect(minority).toHaveLength(2);
    expect(majority).toHaveLength(3);
  });

  it('halves splits evenly, and every node is in exactly one group', () => {
    const groups = partitionGroups('halves', [...nodes, 'n6'], stream());
    expect(groups.map((g) => g.length)).toEqual([3, 3]);
    expect(groups.flat().sort()).toEqual([...nodes, 'n6'].sort());
  });
});
