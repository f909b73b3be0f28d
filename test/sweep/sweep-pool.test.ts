// End to end: `ddsim sweep --pool` and `ddsim merge --pool` on the raft model's leader crashes:
// the pooled section of the table, the CDF rows of the CSV, the pooled quantiles in the JSON
// (equal to merging the runs' histograms by hand), located errors for a metric or an unknown
// name given to --pool, shards merged to the unsharded numbers, and no `pooled` field in the
// JSONL of a sweep without --pool.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { StreamingHistogram } from '../../src/metrics/streaming-histogram.js';
import { runCli, sortedRunLines, temporaryDirectory } from './cli-helpers.js';

const SCENARIO = 'scenarios/raft-leader-crash.yaml';
/** 2 settings × 3 seeds of 15s: about 5 elections per run. */
const SWEEP = [SCENARIO, '--seeds', '1..3', '--set', 'duration=15s', '--vary', 'system.election-timeout.max=155ms,300ms', '--workers', '1', '--no-fail'];

const runLines = (file: string) => sortedRunLines(readFileSync(file, 'utf8')).map((line) => JSON.parse(line));

describe('ddsim sweep --pool', () => {
  const dir = temporaryDirectory();
  const out = join(dir, 'pooled.jsonl');
  let summary: any;
  // One sweep, its summary and its JSONL; table and CSV come from `merge` of the same file (the same rendering).
  beforeAll(async () => {
    const result = await runCli(['sweep', ...SWEEP, '--pool', 'leader.election-time', '--format', 'json', '--out', out]);
    expect(result.code).toBe(0);
    summary = JSON.parse(result.stdout);
  }, 60_000);

  it('JSON carries the pooled quantiles and CDF of each combination, equal to the runs\' sketches merged', async () => {
    expect(summary.pool).toEqual(['leader.election-time']);
    const records = runLines(out);
    expect(records).toHaveLength(6);
    for (const combination of summary.combinations) {
      const [pooled] = combination.pooled;
      const sketches = records.filter((record) => record.params['system.election-timeout.max'] === combination.params[0].value).map((record) => record.pooled['leader.election-time']);
      expect(sketches).toHaveLength(3);
      const merged = StreamingHistogram.fromSketches(sketches.filter((sketch) => sketch !== null));
      expect(pooled).toMatchObject({ name: 'leader.election-time', runs: 3, count: merged.count, p50: merged.quantile(0.5), p90: merged.quantile(0.9), p99: merged.quantile(0.99), max: merged.max });
      expect(pooled.count).toBeGreaterThanOrEqual(9);
      // The pooled count is the sum of the runs' own sample counts.
      expect(pooled.count).toBe(sketches.reduce((total, sketch) => total + (sketch?.count ?? 0), 0));
      expect(pooled.cdf.at(-1)).toEqual([pooled.max, 1]);
    }
  });

  it('the table has a pooled section, the CSV one row per CDF point', async () => {
    const table = await runCli(['merge', out, '--pool', 'leader.election-time', '--no-fail']);
    expect(table.stdout).toContain('leader.election-time pooled: the samples of every run of a combination together');
    const section = table.stdout.slice(table.stdout.indexOf('leader.election-time pooled'));
    expect(section).toMatch(/│ system\.election-timeout\.max │ runs │ samples │ +mean │ +p50 │ +p90 │ +p99 │ +p99\.9 │ +max │/);
    expect(section).toMatch(/│ 155ms +│ +3 │ +\d+ │ [\d.]+ ms │/);
    const json = summary;
    const csv = await runCli(['merge', out, '--pool', 'leader.election-time', '--format', 'csv', '--no-fail']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('system.election-timeout.max,metric,runs,samples,value,cdf');
    const rows = lines.slice(1).map((line) => line.split(','));
    for (const [index, max] of ['155ms', '300ms'].entries()) {
      const pooled = json.combinations[index].pooled[0];
      const mine = rows.filter((row) => row[0] === max);
      expect(mine.map((row) => [Number(row[4]), Number(row[5])])).toEqual(pooled.cdf);
      expect(mine.every((row) => row[1] === 'leader.election-time' && row[2] === '3' && Number(row[3]) === pooled.count)).toBe(true);
    }
  });

  it('--pool of a quantile gives the histogram\'s name as a hint; an unknown name is an error; both exit 2', async () => {
    const quantile = await runCli(['sweep', SCENARIO, '--seeds', '1', '--pool', 'leader.election-time.p50']);
    expect(quantile.code).toBe(2);
    expect(quantile.stderr).toContain('"leader.election-time.p50" is not a histogram of this model (give the histogram\'s name, `leader.election-time`');
    const unknown = await runCli(['sweep', SCENARIO, '--seeds', '1', '--pool', 'nosuch']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"nosuch" is not a histogram of this model (histograms: leader.election-time, raft.commit-latency)');
    expect(unknown.stdout).toBe('');
  });

  it('merge --pool of two shards gives the unsharded numbers; a sweep without --pool writes no pooled field', async () => {
    const whole = summary;
    const shards = [1, 2].map((k) => join(dir, `shard-${k}.jsonl`));
    for (const [k, file] of shards.entries()) await runCli(['sweep', ...SWEEP, '--pool', 'leader.election-time', '--shard', `${k + 1}/2`, '--out', file]);
    const merged = await runCli(['merge', ...shards, '--pool', 'leader.election-time', '--format', 'json', '--no-fail']);
    expect(merged.code).toBe(0);
    const mergedSummary = JSON.parse(merged.stdout);
    expect(mergedSummary.combinations.map((c: { pooled: unknown }) => c.pooled)).toEqual(whole.combinations.map((c: { pooled: unknown }) => c.pooled));
    // Swept without --pool: no sketches in the file, and merge --pool says what to do.
    const plain = join(dir, 'plain.jsonl');
    await runCli(['sweep', ...SWEEP.map((arg) => (arg === '1..3' ? '1' : arg)), '--out', plain]);
    expect(runLines(plain).every((record) => !('pooled' in record))).toBe(true);
    const refused = await runCli(['merge', plain, '--pool', 'leader.election-time']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('sweep with --pool leader.election-time to keep them');
    const plainSummary = JSON.parse((await runCli(['merge', plain, '--format', 'json', '--no-fail'])).stdout);
    expect('pool' in plainSummary).toBe(false);
    expect(plainSummary.combinations.every((c: object) => !('pooled' in c))).toBe(true);
  }, 60_000);
});
