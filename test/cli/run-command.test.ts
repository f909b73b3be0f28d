import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.js';

const SCENARIO = 'scenarios/lost-request-vs-lost-response.yaml';

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-test-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('ddsim run', () => {
  it('gives byte-identical JSON for the same seed, and different JSON for another seed', async () => {
    const first = await runCli(['run', SCENARIO, '--format', 'json']);
    const second = await runCli(['run', SCENARIO, '--format', 'json']);
    const other = await runCli(['run', SCENARIO, '--format', 'json', '--seed', '2']);
    expect(first.code).toBe(0);
    expect(second.out).toBe(first.out);
    expect(other.out).not.toBe(first.out);
    const document = JSON.parse(first.out);
    expect(document).toMatchObject({ scenario: 'lost-request-vs-lost-response', seed: 1, ok: true });
    expect(typeof document.metrics['latency.p99']).toBe('number');
    expect(document.expectations[0]).toEqual(expect.objectContaining({ expr: 'failures.request-lost > 0', ok: true }));
  });

  it('--set changes the run and appears in the reproduce command; a failed expectation exits 1', async () => {
    const result = await runCli(['run', SCENARIO, '--format', 'json', '--set', 'network.loss=0.3']);
    expect(result.code).toBe(1);
    const document = JSON.parse(result.out);
    expect(document.ok).toBe(false);
    expect(document.reproduce).toBe(`ddsim run ${SCENARIO} --seed 1 --set network.loss=0.3`);
  });

  it('prints the reproduce command when an expectation fails (pretty and quiet)', async () => {
    const pretty = await runCli(['run', 'scenarios/retry-duplicates.yaml']);
    expect(pretty.code).toBe(1);
    expect(pretty.out).toContain('Reproduce: ddsim run scenarios/retry-duplicates.yaml --seed 7');
    expect(pretty.out).not.toMatch(/\u001b\[/); // not a terminal: no colour
    const quiet = await runCli(['run', 'scenarios/retry-duplicates.yaml', '-q']);
    expect(quiet.out.trim().split('\n')).toHaveLength(2);
  });

  it('reports every problem of every file with file:line:column and exits 2 before running anything', async () => {
    const bad = tempFile(
      'bad.yaml',
      ['name: bad', 'duration: 10s', 'nodes: [{ name: a }, { name: b }]', 'network: { los: 0.1 }', 'system: { model: request-respons }', ''].join('\n'),
    );
    const result = await runCli(['run', SCENARIO, bad, '--format', 'json']);
    expect(result.code).toBe(2);
    expect(result.out).toBe(''); // nothing written half-way
    expect(result.err).toMatch(/bad\.yaml:4:\d+: network\.los: .*did you mean `loss`/);
    expect(result.err).toMatch(/bad\.yaml:5:\d+: system\.model: .*request-response/);
  });

  it('rejects a bad --seed and an unknown --format with exit code 2', async () => {
    expect((await runCli(['run', SCENARIO, '--seed', 'x'])).code).toBe(2);
    expect((await runCli(['run', SCENARIO, '--format', 'xml'])).code).toBe(2);
    expect((await runCli(['run', 'no-such-file.yaml'])).err).toContain('no-such-file.yaml: cannot read the scenario: no such file');
  });

  it('the built executable exits 2 on bad input without a stack trace, and prints --version', () => {
    const bad = tempFile('bad.yaml', 'name: x\nduration: -5s\n');
    const run = spawnSync(process.execPath, ['bin/ddsim.js', 'run', bad], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad\.yaml:2:\d+: duration/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const version = execFileSync(process.execPath, ['bin/ddsim.js', '--version'], { encoding: 'utf8' });
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = spawnSync(process.execPath, ['bin/ddsim.js', 'run', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--set <path=value>');
    expect(help.stdout).toContain('pretty | json | junit | github');
    const sweepHelp = spawnSync(process.execPath, ['bin/ddsim.js', 'sweep', '--help'], { encoding: 'utf8' });
    expect(sweepHelp.stdout).toContain('table | json | csv | junit | github');
  });

  it('honours NO_COLOR even when colour is forced otherwise', async () => {
    const { fakeIo } = await import('./fake-io.js');
    const forced = await runCli(['run', SCENARIO], fakeIo({ env: { FORCE_COLOR: '1' } }));
    expect(forced.out).toMatch(/\u001b\[/);
    const off = await runCli(['run', SCENARIO], fakeIo({ env: { FORCE_COLOR: '1', NO_COLOR: '1' } }));
    expect(off.out).not.toMatch(/\u001b\[/);
  });
});
