// `ddsim explore` end to end: the "done when" check on a shipped lesson with its faults
// removed (explore finds the failure, shrink leaves at most 2 faults within 300 runs and a
// minute), reproducers that `ddsim run` turns into exactly the explored run, a model with no bug
// (nothing found, exit 0), --out with --resume/--force, --shard, and worker counts that do not
// change what is found.

import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseExploreJsonl } from '../../src/explore/explore-record.js';
import { runCli } from '../sweep/cli-helpers.js';

const NO_BUG = ['scenarios/explore-sloppy-quorum.yaml', '--set', 'system.sloppy=false'];

function temporary(): string {
  return mkdtempSync(join(tmpdir(), 'ddsim-explore-'));
}

function runLines(path: string) {
  return parseExploreJsonl(readFileSync(path, 'utf8')).runs;
}

describe('ddsim explore', () => {
  it('finds split brain in repl-split-brain without its faults and shrinks it to at most 2 faults in at most 300 runs, under a minute', async () => {
    const dir = temporary();
    const startedMs = performance.now();
    const explored = await runCli(['explore', 'scenarios/repl-split-brain.yaml', '--set', 'faults=[]', '--shrink', '--workers', '2', '--failures', dir, '--out', join(dir, 'e.jsonl'), '--format', 'json']);
    const elapsedMs = performance.now() - startedMs;
    expect(explored.stderr).toBe('');
    expect(explored.code).toBe(1);
    const document = JSON.parse(explored.stdout);
    expect(document.failedRuns).toBe(1);
    expect(document.stoppedAt).toBe(document.failures[0].index);
    const [failure] = document.failures;
    expect(failure.failure).toBe('single-leader');
    expect(failure.shrunk.faults.length).toBeLessThanOrEqual(2);
    expect(failure.shrunk.faults.some((fault: Record<string, unknown>) => 'partition' in fault)).toBe(true);
    expect(failure.shrunk.runsSpent).toBeLessThanOrEqual(300);
    expect(document.triage).toEqual([expect.objectContaining({ failure: 'single-leader', faultKinds: ['partition'], shrunk: true, runs: [failure.index] })]);
    expect(elapsedMs).toBeLessThan(60_000);

    // The reproducer is an ordinary scenario: `ddsim run` gives exactly the explored run's metrics and verdicts, exit 1.
    const record = runLines(join(dir, 'e.jsonl')).find((run) => run.index === failure.index)!;
    expect(record.reproducer).toBe(failure.reproducer);
    const reproduced = await runCli(['run', failure.reproducer, '--format', 'json']);
    expect(reproduced.code).toBe(1);
    const run = JSON.parse(reproduced.stdout);
    expect(run.seed).toBe(record.seed);
    expect(run.metrics).toEqual(record.metrics);
    expect(run.expectations.map(({ expr, ok, observed }: { expr: string; ok: boolean; observed: unknown }) => ({ expr, ok, observed }))).toEqual(record.expectations);
    expect(run.file).toBe(failure.reproducer);

    // The minimal one fails the same expectation.
    const minimal = await runCli(['run', failure.shrunk.minFile, '--format', 'json']);
    expect(minimal.code).toBe(1);
    expect(JSON.parse(minimal.stdout).expectations.find((e: { expr: string }) => e.expr === 'single-leader').ok).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['e.jsonl', `repl-split-brain.explore-3-${failure.index}.min.yaml`, `repl-split-brain.explore-3-${failure.index}.yaml`]);

    // In this process, one run at a time: the same runs up to the same first failure.
    const inProcess = await runCli(['explore', 'scenarios/repl-split-brain.yaml', '--set', 'faults=[]', '--workers', '0', '--failures', dir, '--out', join(dir, 'e0.jsonl'), '--format', 'json']);
    expect(JSON.parse(inProcess.stdout).stoppedAt).toBe(failure.index);
    const upTo = (path: string) => runLines(path).filter((line) => line.index <= failure.index).sort((a, b) => a.index - b.index);
    expect(upTo(join(dir, 'e0.jsonl'))).toEqual(upTo(join(dir, 'e.jsonl')));
  }, 90_000);

  it('finds nothing in a model without the bug: every expectation held, exit 0, nothing written', async () => {
    const dir = temporary();
    const result = await runCli(['explore', ...NO_BUG, '--runs', '6', '--workers', '0', '--failures', join(dir, 'f')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('6 of 6 runs, no failure');
    expect(result.stdout).toContain('✓ every expectation held in all 6 runs');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses an existing --out without --resume or --force; --resume carries on (more --runs extend it); --force starts over', async () => {
    const dir = temporary();
    const out = join(dir, 'e.jsonl');
    const base = ['explore', ...NO_BUG, '--workers', '0', '--failures', dir, '--out', out];
    expect((await runCli([...base, '--runs', '3'])).code).toBe(0);
    const refused = await runCli([...base, '--runs', '3']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`--out ${out}: the file exists (add --resume`);
    const resumed = await runCli([...base, '--runs', '5', '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain('resuming: 3 runs already in');
    expect(runLines(out).map((run) => run.index).sort()).toEqual([0, 1, 2, 3, 4]);
    const other = await runCli([...base, '--runs', '5', '--resume', '--seed', '99']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('holds another exploration');
    expect((await runCli([...base, '--runs', '2', '--force'])).code).toBe(0);
    expect(runLines(out).map((run) => run.index)).toEqual([0, 1]);

    // Shards split the runs between them, each run exactly as the unsharded exploration ran it.
    const whole = new Map(runLines(out).map((run) => [run.index, run]));
    for (const shard of ['1/2', '2/2']) {
      const path = join(dir, `shard-${shard[0]}.jsonl`);
      expect((await runCli(['explore', ...NO_BUG, '--workers', '0', '--failures', dir, '--runs', '2', '--shard', shard, '--out', path])).code).toBe(0);
      const runs = runLines(path);
      expect(runs.map((run) => run.index)).toEqual([Number(shard[0]) - 1]);
      expect(runs[0]).toEqual(whole.get(runs[0]!.index));
    }
  });

  it('reports bad explore settings at their file, line and column, and bad flags against the flag: exit 2, no stack trace', async () => {
    const dir = temporary();
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      [
        'duration: 5s',
        'nodes: [client, server]',
        'system: { model: request-response, servers: [server] }',
        'workload: { clients: [client], rate: 10/s }',
        'explore:',
        '  faults: [crash, crsh]',
        '  faults-per-run: 5..2',
        '  for: 0..1s',
        '  nodes: { role: leader }',
        '  rums: 3',
        '',
      ].join('\n'),
    );
    const result = await runCli(['explore', file, '--runs', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}:6:19: explore.faults[1]: unknown fault kind "crsh" (did you mean \`crash\`?)`);
    expect(result.stderr).toContain(`${file}:7:19: explore.faults-per-run: the range ends before it starts: 5..2`);
    expect(result.stderr).toContain(`${file}:8:8: explore.for: a fault that reverts must last longer than 0`);
    expect(result.stderr).toContain(`${file}:9:18: explore.nodes.role: model request-response declares no roles`);
    expect(result.stderr).toContain(`${file}:10:3: explore.rums: unknown key \`rums\``);
    expect(result.stderr).toContain('--runs many: explore.runs: expected a number, got "many"');
    expect(result.stderr).not.toMatch(/^\s+at /m);

    const leader = await runCli(['explore', 'scenarios/explore-split-brain.yaml', '--nodes', '{role: primary}', '--faults', 'crash,partition,bogus', '--faults-per-run', 'lots']);
    expect(leader.code).toBe(2);
    expect(leader.stderr).toContain('--nodes {role: primary}: explore.nodes.role: model leader-follower has no role "primary"');
    expect(leader.stderr).toContain('--faults crash,partition,bogus: explore.faults[2]: unknown fault kind "bogus"');
    expect(leader.stderr).toContain('--faults-per-run lots: explore.faults-per-run: expected a whole number or a range such as 1..8');
    expect(leader.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('ddsim explore --keep-going --shrink', () => {
  it('shrinks every failure, shows one row and one shrunk run per bug, and the JSON carries every failure', async () => {
    const dir = temporary();
    const args = ['explore', 'test/explore/fixtures/retry-explore.yaml', '--runs', '4', '--keep-going', '--shrink', '--workers', '0', '--failures', dir];
    const pretty = await runCli(args);
    expect(pretty.code).toBe(1);
    expect(pretty.stdout).not.toContain('\u001b['); // NO_COLOR
    expect(pretty.stdout).toContain('4 of 4 runs, 3 failed');
    expect(pretty.stdout).toMatch(/│ 1 │ duplicates == 0 │ pause\s+│\s+2 │ 0, 1\s+│\s+1 │/);
    expect(pretty.stdout).toMatch(/│ 2 │ duplicates == 0 │ delay\s+│\s+1 │ 2\s+│\s+1 │/);
    expect(pretty.stdout.match(/── Shrunk run \d+ \(duplicates == 0\)/g)).toEqual(['── Shrunk run 0 (duplicates == 0)', '── Shrunk run 2 (duplicates == 0)']);
    expect(pretty.stdout).toMatch(/│ faults\s+│\s+\d+ │\s+1 │/);
    expect(pretty.stdout).toContain(`1: ddsim run ${join(dir, 'retry-explore.explore-5-0.min.yaml')}`);

    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout);
    expect(json.failures.map((failure: { index: number }) => failure.index)).toEqual([0, 1, 2]);
    expect(json.failures.every((failure: { shrunk: { faults: unknown[] } }) => failure.shrunk.faults.length === 1)).toBe(true);
    expect(json.triage.map((group: { faultKinds: string[]; runs: number[] }) => [group.faultKinds, group.runs])).toEqual([[['pause'], [0, 1]], [['delay'], [2]]]);
    expect(json.settings.faultNames).toEqual(['pause', 'delay']);
  });
});
