import { describe, expect, it } from 'vitest';
import { collectRuns } from '../../src/sweep/collect-runs.js';
import { parseShard, selectShard } from '../../src/sweep/shard.js';
import { buildSweepPlan, type SweepDefinition } from '../../src/sweep/sweep-plan.js';
import { runRecord } from '../../src/sweep/sweep-record.js';

const definition: SweepDefinition = {
  file: 'scenario.yaml',
  scenarioSha256: 'abc',
  baseSets: ['network.loss=0.01'],
  vary: [
    { path: 'workload.timeout', values: ['50ms', '100ms', '200ms'] },
    { path: 'workload.retries', values: ['0', '2'] },
  ],
  seeds: [1, 2, 3, 4, 5],
};

describe('sweep plan', () => {
  const plan = buildSweepPlan(definition);

  it('is the cartesian product of the values times the seeds, each run once', () => {
    expect(plan.combinations.map((combination) => combination.key)).toEqual([
      'workload.timeout=50ms workload.retries=0',
      'workload.timeout=50ms workload.retries=2',
      'workload.timeout=100ms workload.retries=0',
      'workload.timeout=100ms workload.retries=2',
      'workload.timeout=200ms workload.retries=0',
      'workload.timeout=200ms workload.retries=2',
    ]);
    expect(plan.runs).toHaveLength(3 * 2 * 5);
    const pairs = new Set(plan.runs.map((run) => `${plan.combinations[run.combinationIndex].key}|${run.seed}`));
    expect(pairs.size).toBe(30);
    expect(new Set(plan.runs.map((run) => run.id)).size).toBe(30);
    expect(plan.runs.map((run) => run.index)).toEqual([...Array(30).keys()]);
  });

  it('gives each run the --set expressions of `ddsim run`, base sets first', () => {
    expect(plan.runs[7]).toMatchObject({
      id: 'workload.timeout=50ms workload.retries=2 seed=3',
      seed: 3,
      sets: ['network.loss=0.01', 'workload.timeout=50ms', 'workload.retries=2'],
    });
  });

  it('has a stable fingerprint that changes with the definition', () => {
    expect(buildSweepPlan(definition).fingerprint).toBe(plan.fingerprint);
    expect(buildSweepPlan({ ...definition, seeds: [1, 2, 3, 4] }).fingerprint).not.toBe(plan.fingerprint);
    expect(buildSweepPlan({ ...definition, scenarioSha256: 'abd' }).fingerprint).not.toBe(plan.fingerprint);
  });
});

describe('shards', () => {
  const plan = buildSweepPlan(definition);

  it.each([1, 2, 3, 4, 7, 30, 31])('cover every run exactly once with %i shards, balanced', (count) => {
    const shards = Array.from({ length: count }, (_, i) => selectShard(plan.runs, { index: i + 1, count }));
    const indexes = shards.flatMap((runs) => runs.map((run) => run.index)).sort((a, b) => a - b);
    expect(indexes).toEqual([...Array(plan.runs.length).keys()]);
    const sizes = shards.map((runs) => runs.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('parses k/n, 1-based', () => {
    expect(parseShard('2/4')).toEqual({ ok: true, value: { index: 2, count: 4 } });
    expect(parseShard('0/4').ok).toBe(false);
    expect(parseShard('5/4').ok).toBe(false);
    expect(parseShard('1-4').ok).toBe(false);
  });

  it('merging finds overlaps, foreign runs and missing runs', () => {
    const record = (index: number) => runRecord(plan, plan.runs[index], { kind: 'error', message: 'x' });
    const other = buildSweepPlan({ ...definition, seeds: [9] });
    const collected = collectRuns(plan, [
      { source: 'a', record: record(0) },
      { source: 'b', record: record(0) },
      { source: 'b', record: record(2) },
      { source: 'c', record: runRecord(other, other.runs[0], { kind: 'error', message: 'x' }) },
    ]);
    expect(collected.overlaps).toEqual([{ id: plan.runs[0].id, sources: ['a', 'b'] }]);
    expect(collected.foreign).toEqual([`c: ${other.runs[0].id}`]);
    expect(collected.records.map((r) => r.index)).toEqual([0, 2]);
    expect(collected.missing).toHaveLength(28);
  });
});
