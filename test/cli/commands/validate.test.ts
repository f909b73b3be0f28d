import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { main } from '../../../src/cli/main.js';

/** Runs `ddsim <args>` in `cwd`, capturing output. */
async function ddsim(args: readonly string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const io = {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: {},
    cwd,
    exitCode: 0,
    setExitCode(code: number) {
      io.exitCode = Math.max(io.exitCode, code);
    },
  };
  const exitCode = await main(['node', 'ddsim', ...args], io);
  return { exitCode, stdout, stderr };
}

const fixtures = fileURLToPath(new URL('../../scenario/fixtures/', import.meta.url));

test('a valid file prints a check line and exits 0', async () => {
  const result = await ddsim(['validate', 'retries-under-loss.yaml'], fixtures);
  expect(result).toEqual({ exitCode: 0, stdout: '✓ retries-under-loss.yaml: retries-under-loss (4 nodes, 60s)\n', stderr: '' });
});

test('invalid and missing files print every problem and exit 2; valid ones still pass', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-validate-'));
  writeFileSync(join(dir, 'bad.yaml'), 'duration: 10\nnodes: [client]\nsystem: { model: request-respons }\n');
  const result = await ddsim(['validate', join(fixtures, 'retries-under-loss.yaml'), 'bad.yaml', 'missing.yaml'], dir);
  expect(result.exitCode).toBe(2);
  expect(result.stdout).toBe(`✓ ${join(fixtures, 'retries-under-loss.yaml')}: retries-under-loss (4 nodes, 60s)\n1 of 3 scenario files valid.\n`);
  expect(result.stderr.split('\n')).toEqual([
    '✗ bad.yaml: 2 problems',
    '  bad.yaml:1:11: duration: a duration needs a unit, got 10 (add a unit, e.g. 250ms)',
    '  bad.yaml:3:18: system.model: unknown model "request-respons" (did you mean `request-response`?); a model module path starts with ./',
    '✗ missing.yaml: 1 problem',
    '  missing.yaml: cannot read the scenario: no such file (check the path)',
    '',
  ]);
});

test('--set overrides are applied and their problems located', async () => {
  const ok = await ddsim(['validate', 'retries-under-loss.yaml', '--set', 'duration=2m'], fixtures);
  expect(ok.stdout).toBe('✓ retries-under-loss.yaml: retries-under-loss (4 nodes, 2m)\n');
  const bad = await ddsim(['validate', 'retries-under-loss.yaml', '--set', 'network.loss=2'], fixtures);
  expect(bad.exitCode).toBe(2);
  expect(bad.stderr).toContain('  --set network.loss=2: network.loss: a probability must be between 0 and 1, got 2\n');
});
