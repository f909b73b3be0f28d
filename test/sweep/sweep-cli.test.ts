// End to end: `ddsim sweep` and `ddsim merge` on small scenarios, with real worker threads.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sortedRunLines, temporaryDirectory } from './cli-helpers.js';

const SMALL = 'test/sweep/fixtures/small.yaml';
const THROWING = 'test/sweep/fixtures/throwing.yaml';

describe('ddsim sweep', () => {
  it('gives identical results with 1 and with 2 workers', async () => {
    const dir = temporaryDirectory();
    const one = await runCli(['sweep', SMALL, '--workers', '1', '--out', join(dir, 'one.jsonl'), '--format', 'json']);
    const two = await runCli(['sweep', SMALL, '--workers', '2', '--out', join(dir, 'two.jsonl'), '--format', 'json']);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    const oneLines = sortedRunLines(readFileSync(join(dir, 'one.jsonl'), 'utf8'));
    expect(oneLines).toHaveLength(12);
    expect(sortedRunLines(readFileSync(join(dir, 'two.jsonl'), 'utf8'))).toEqual(oneLines);
  });

  it('records exactly the run `ddsim run --seed --set` does, and says so', async () => {
    const dir = temporaryDirectory();
    await runCli(['sweep', SMALL, '--seeds', '2..2', '--vary', 'workload.timeout=50ms', '--out', join(dir, 'r.jsonl'), '--workers', '1']);
    const record = JSON.parse(sortedRunLines(readFileSync(join(dir, 'r.jsonl'), 'utf8'))[0]);
    expect(record.reproduce).toBe(`ddsim run ${SMALL} --seed 2 --set workload.timeout=50ms`);
    const single = await runCli(['run', SMALL, '--seed', '2', '--set', 'workload.timeout=50ms', '--format', 'json']);
    const document = JSON.parse(single.stdout);
    expect(record.metrics.availability).toBe(document.metrics.availability);
    expect(record.metrics['latency.p99']).toBe(document.metrics['latency.p99']);
    expect(record.metrics.events).toBe(document.metrics.events);
  });

  it('summarizes per combination with pass rates and the best combination', async () => {
    const result = await runCli(['sweep', SMALL, '--format', 'json', '--no-fail']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary.combinations.map((c: { key: string }) => c.key)).toEqual([
      'workload.timeout=10ms',
      'workload.timeout=50ms',
      'workload.timeout=200ms',
    ]);
    expect(summary.combinations[0].expectations[0].expr).toBe('availability >= 0.95');
    expect(summary.bestIndex).toBe(1);
    const csv = await runCli(['sweep', SMALL, '--format', 'csv', '--no-fail']);
    expect(csv.stdout.split('\n')[0]).toMatch(/^workload\.timeout,runs,expected_runs,ok_runs/);
    const table = await runCli(['sweep', SMALL, '--no-fail', '--vary', 'workload.retries=0,1']);
    expect(table.stdout).toContain('workload.timeout \\ workload.retries');
    expect(table.stdout).toContain('★ best');
  });

  it('resumes an interrupted sweep without losing or repeating runs', async () => {
    const dir = temporaryDirectory();
    const full = join(dir, 'full.jsonl');
    const cut = join(dir, 'cut.jsonl');
    const complete = await runCli(['sweep', SMALL, '--out', full, '--format', 'json']);
    const lines = readFileSync(full, 'utf8').split('\n');
    // The header, 5 runs and half of the 6th: what a killed process leaves behind.
    writeFileSync(cut, `${lines.slice(0, 6).join('\n')}\n${lines[6].slice(0, 40)}`);
    const resumed = await runCli(['sweep', SMALL, '--out', cut, '--resume', '--format', 'json']);
    expect(resumed.stderr).toContain('resuming: 5 of 12 runs already');
    expect(resumed.stdout).toBe(complete.stdout);
    expect(sortedRunLines(readFileSync(cut, 'utf8'))).toEqual(sortedRunLines(readFileSync(full, 'utf8')));
    const again = await runCli(['sweep', SMALL, '--out', cut, '--resume', '--format', 'json']);
    expect(again.stderr).toContain('resuming: 12 of 12 runs already');
    expect(sortedRunLines(readFileSync(cut, 'utf8'))).toHaveLength(12);
    const other = await runCli(['sweep', SMALL, '--seeds', '5', '--out', cut, '--resume']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds another sweep');
  });

  it('records a run that throws, or whose worker dies, and goes on with the others', async () => {
    const dir = temporaryDirectory();
    const out = join(dir, 'throwing.jsonl');
    const result = await runCli([
      'sweep', THROWING, '--vary', 'system.explode=false,true', '--vary', 'system.exit=false,true', '--seeds', '3',
      '--workers', '2', '--out', out, '--format', 'json',
    ]);
    // A model that threw: exit 4, as `ddsim run` of that run would; the stderr line counts them.
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("9 runs failed in the model's code (exit 4)");
    const records = sortedRunLines(readFileSync(out, 'utf8')).map((line) => JSON.parse(line));
    expect(records).toHaveLength(12);
    expect(records.map((record) => record.exitCode).sort()).toEqual([0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const byId = new Map(records.map((record) => [record.id, record]));
    expect(byId.get('system.explode=false system.exit=false seed=2')).toMatchObject({ ok: true, error: null });
    expect(byId.get('system.explode=true system.exit=false seed=2')).toMatchObject({ ok: false, error: 'Error: boom: the model exploded' });
    expect(byId.get('system.explode=false system.exit=true seed=1').error).toMatch(/worker exited with code 3/);
    const summary = JSON.parse(result.stdout);
    expect(summary.errorRuns).toBe(9);
    expect(summary.okRuns).toBe(3);
    // --no-fail clears failed expectations only, never a broken run.
    const noFail = await runCli(['sweep', THROWING, '--vary', 'system.explode=true', '--seeds', '1', '--workers', '1', '--no-fail']);
    expect(noFail.code).toBe(4);
  });

  it('validates every combination before any run: exit 2, nothing written', async () => {
    const dir = temporaryDirectory();
    const out = join(dir, 'bad.jsonl');
    const result = await runCli(['sweep', SMALL, '--vary', 'workload.timeout=50ms,banana,-3ms', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--set workload.timeout=banana');
    expect(result.stderr).toContain('--set workload.timeout=-3ms');
    expect(existsSync(out)).toBe(false);
    for (const args of [
      ['--seeds', '0'],
      ['--shard', '3/2'],
      ['--metrics', 'availabilty'],
      ['--vary', 'nope'],
      ['--workers', '0'],
    ]) {
      const bad = await runCli(['sweep', SMALL, ...args]);
      expect(bad.code, args.join(' ')).toBe(2);
    }
    expect((await runCli(['sweep', SMALL, '--metrics', 'availabilty'])).stderr).toContain('did you mean');
  });
});

describe('the shipped sweep scenario', () => {
  it('runs its sweep-best setting cleanly and declares 21 combinations x 20 seeds', async () => {
    const one = await runCli([
      'sweep', 'scenarios/sweep-timeout-tradeoff.yaml', '--vary', 'workload.timeout=100ms', '--vary', 'workload.retries=2',
      '--seeds', '1..2', '--workers', '1', '--format', 'json',
    ]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).okRuns).toBe(2);
    const dir = temporaryDirectory();
    await runCli(['sweep', 'scenarios/sweep-timeout-tradeoff.yaml', '--shard', '420/420', '--out', join(dir, 'last.jsonl'), '--workers', '1']);
    const header = JSON.parse(readFileSync(join(dir, 'last.jsonl'), 'utf8').split('\n')[0]);
    expect(header.runCount).toBe(420);
  });
});

describe('ddsim merge', () => {
  it('combines shards into the summary of the unsharded sweep', async () => {
    const dir = temporaryDirectory();
    const whole = await runCli(['sweep', SMALL, '--vary', 'workload.retries=0,1', '--format', 'json', '--out', join(dir, 'whole.jsonl')]);
    const shardFiles: string[] = [];
    for (const k of [1, 2, 3]) {
      const file = join(dir, `shard-${k}.jsonl`);
      shardFiles.push(file);
      await runCli(['sweep', SMALL, '--vary', 'workload.retries=0,1', '--shard', `${k}/3`, '--out', file, '--workers', '1']);
    }
    const counts = shardFiles.map((file) => sortedRunLines(readFileSync(file, 'utf8')).length);
    expect(counts).toEqual([8, 8, 8]);
    const merged = await runCli(['merge', ...shardFiles, '--format', 'json', '--out', join(dir, 'merged.jsonl')]);
    expect(merged.code).toBe(whole.code);
    expect(merged.stdout).toBe(whole.stdout);
    expect(sortedRunLines(readFileSync(join(dir, 'merged.jsonl'), 'utf8'))).toEqual(sortedRunLines(readFileSync(join(dir, 'whole.jsonl'), 'utf8')));
    // An existing --out is replaced only with --force.
    const again = await runCli(['merge', ...shardFiles, '--format', 'json', '--out', join(dir, 'merged.jsonl')]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('the file exists (add --force to replace it)');
    expect((await runCli(['merge', ...shardFiles, '--out', join(dir, 'merged.jsonl'), '--force'])).code).toBeLessThan(2);
    const table = await runCli(['merge', ...shardFiles]);
    expect(table.stdout).toBe((await runCli(['sweep', SMALL, '--vary', 'workload.retries=0,1'])).stdout);
  });

  it('rejects overlapping shards and reports missing runs', async () => {
    const dir = temporaryDirectory();
    const files = [1, 2].map((k) => join(dir, `s${k}.jsonl`));
    await runCli(['sweep', SMALL, '--shard', '1/2', '--out', files[0]]);
    await runCli(['sweep', SMALL, '--shard', '2/2', '--out', files[1]]);
    const overlap = await runCli(['merge', files[0], files[0]]);
    expect(overlap.code).toBe(2);
    expect(overlap.stderr).toContain('appears 2 times');
    const missing = await runCli(['merge', files[0], '--no-fail', '--format', 'json']);
    expect(missing.code).toBe(0);
    expect(missing.stderr).toContain('6 of 12 runs missing');
    expect(JSON.parse(missing.stdout).missingRuns).toBe(6);
    expect((await runCli(['merge', files[0]])).code).toBe(1);
    const other = join(dir, 'other.jsonl');
    await runCli(['sweep', SMALL, '--seeds', '2', '--out', other]);
    const mixed = await runCli(['merge', files[0], other]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('merge only the shards of one sweep');
  });
});

describe('ddsim sweep --out an existing file', () => {
  it('is refused before anything runs (exit 2, the file untouched) unless --resume or --force', async () => {
    const dir = temporaryDirectory();
    const out = join(dir, 'kept.jsonl');
    writeFileSync(out, 'another sweep\'s results\n');
    const refused = await runCli(['sweep', SMALL, '--out', out, '--workers', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('the file exists (add --resume to carry on with the runs it holds, or --force to replace it)');
    expect(readFileSync(out, 'utf8')).toBe('another sweep\'s results\n');
    const forced = await runCli(['sweep', SMALL, '--out', out, '--workers', '1', '--force']);
    expect(forced.code).toBeLessThan(2); // it ran (some of SMALL's runs fail on purpose)
    expect(readFileSync(out, 'utf8')).toContain('"type":"sweep"');
  });
});
