// `ddsim init`: what it writes runs and passes (every template, the model skeleton in JS and TS,
// the TS one also type-checked against ddsim's declarations), it never overwrites without
// --force and writes nothing then, and bad usage exits 2 with a hint.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../fake-io.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = path.join(ROOT, 'bin/ddsim.js');
const built = existsSync(path.join(ROOT, 'dist/index.d.ts')) && existsSync(path.join(ROOT, 'dist/cli/main.js')); // `npm test` builds first

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'ddsim-init-'));
}

/** `ddsim ...args` in-process with `cwd` as the working directory. */
function ddsim(args: readonly string[], cwd: string) {
  return runCli(args, fakeIo({ cwd }));
}

/** Runs a written scenario: validate, then run (JSON); returns the run's document. */
async function validateAndRun(file: string, cwd: string) {
  const validated = await ddsim(['validate', file], cwd);
  expect(validated.err).toBe('');
  expect(validated.code).toBe(0);
  const run = await ddsim(['run', file, '--format', 'json'], cwd);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  const document = JSON.parse(run.out);
  expect(document.ok).toBe(true);
  return document;
}

describe('ddsim init', () => {
  it('writes the request-response scenario by default, which validates and passes', async () => {
    const dir = tempDir();
    const result = await ddsim(['init'], dir);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toBe('wrote request-response.yaml  (starter scenario, template request-response)\n\nNext: ddsim run request-response.yaml\n');
    const document = await validateAndRun('request-response.yaml', dir);
    expect(document.scenario).toBe('request-response');
    expect(document.metrics.availability).toBeLessThan(1); // the faults did something
    expect(document.faults.length).toBeGreaterThan(0);
  });

  it('writes the replication scenario: a leader crash, and the history checks pass', async () => {
    const dir = tempDir();
    expect((await ddsim(['init', 'replication', '--name', 'kv'], dir)).code).toBe(0);
    const document = await validateAndRun('kv.yaml', dir);
    expect(document.scenario).toBe('kv');
    expect(document.expectations.map((entry: { expr: string }) => entry.expr)).toEqual(
      expect.arrayContaining(['single-leader', 'no-lost-writes', 'linearizable']),
    );
    expect(document.metrics['leader.elections']).toBeGreaterThanOrEqual(1);
  });

  it('writes the custom scenario and a JavaScript model skeleton that run and pass', async () => {
    const dir = tempDir();
    const result = await ddsim(['init', 'custom', '--name', 'echo'], dir);
    expect(result.code).toBe(0);
    expect(result.out).toContain('wrote echo-model.js  (model skeleton, JavaScript)');
    const document = await validateAndRun('echo.yaml', dir);
    expect(document.metrics.answered).toBeGreaterThan(1000);
    expect(document.metrics.refused).toBeGreaterThan(0); // the crash was seen through onRefused
    expect(document.expectations.map((entry: { expr: string }) => entry.expr)).toContain('answered-fraction >= 0.85');
  });

  it('writes a TypeScript skeleton with --model --lang ts (custom is implied) that runs and passes', async () => {
    const dir = tempDir();
    const result = await ddsim(['init', '--model', '--lang', 'ts', '--dir', 'sims/typed'], dir);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`wrote ${path.join('sims/typed', 'custom-model.ts')}  (model skeleton, TypeScript)`);
    expect(result.out).toContain(`Next: ddsim run ${path.join('sims/typed', 'custom.yaml')}`);
    const document = await validateAndRun(path.join('sims/typed', 'custom.yaml'), dir);
    expect(document.metrics.answered).toBeGreaterThan(1000);
  });

  it.skipIf(!built)('writes a TypeScript skeleton that type-checks against the ddsim package', () => {
    const dir = tempDir();
    execFileSync(process.execPath, [BIN, 'init', 'custom', '--lang', 'ts'], { cwd: dir });
    const tsconfig = {
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        skipLibCheck: true,
        types: [],
        paths: { ddsim: [path.join(ROOT, 'dist/index.d.ts')] }, // what `npm install ddsim` resolves to
      },
      files: ['custom-model.ts'],
    };
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: dir, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });

  it.skipIf(!built)('runs as the built CLI: init, then run, exit 0', () => {
    const dir = tempDir();
    const init = spawnSync(process.execPath, [BIN, 'init', 'custom'], { cwd: dir, encoding: 'utf8' });
    expect(init.status).toBe(0);
    const run = spawnSync(process.execPath, [BIN, 'run', 'custom.yaml', '-q'], { cwd: dir, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^✓ PASS {2}custom /);
    expect(run.status).toBe(0);
    expect(firstLineSchema(path.join(dir, 'custom.yaml'))).toBe(path.join(ROOT, 'schema', 'scenario.schema.json'));
  });

  it('suggests variations in its comments that fail as they say (exit 1)', async () => {
    for (const template of ['request-response', 'replication', 'custom']) {
      const dir = tempDir();
      expect((await ddsim(['init', template], dir)).code).toBe(0);
      const commands = readFileSync(path.join(dir, `${template}.yaml`), 'utf8')
        .split('\n')
        .filter((line) => /^# {3}ddsim run .* --set /.test(line))
        .map((line) => shellWords(line.replace(/^# {3}ddsim /, '')));
      expect(commands.length).toBeGreaterThan(0);
      for (const args of commands) {
        const result = await ddsim([...args, '-q'], dir);
        expect(result.err).toBe('');
        expect({ args, code: result.code }).toEqual({ args, code: 1 });
      }
    }
  });

  it('starts every scenario with a schema line pointing at <package root>/schema/scenario.schema.json', async () => {
    const dir = tempDir();
    for (const [template, sub] of [['request-response', '.'], ['replication', 'a/b'], ['custom', 'c']] as const) {
      expect((await ddsim(['init', template, '--dir', sub], dir)).code).toBe(0);
      const file = path.join(dir, sub, `${template}.yaml`);
      expect(readFileSync(file, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\.{1,2}\/[^\s\\]+\/scenario\.schema\.json$/);
      expect(firstLineSchema(file)).toBe(path.join(ROOT, 'schema', 'scenario.schema.json'));
    }
  });

  it('refuses to overwrite (exit 2, the file named, nothing written), and --force overwrites', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'custom-model.js'), 'mine\n');
    const refused = await ddsim(['init', 'custom'], dir);
    expect(refused.code).toBe(2);
    expect(refused.out).toBe('');
    expect(refused.err).toBe('error: custom-model.js already exists; nothing written (--force overwrites, or choose --name or --dir)\n');
    expect(readFileSync(path.join(dir, 'custom-model.js'), 'utf8')).toBe('mine\n');
    expect(existsSync(path.join(dir, 'custom.yaml'))).toBe(false); // not even the file that did not exist

    const forced = await ddsim(['init', 'custom', '--force'], dir);
    expect(forced.code).toBe(0);
    expect(readFileSync(path.join(dir, 'custom-model.js'), 'utf8')).toContain("name: 'custom',");
    expect(existsSync(path.join(dir, 'custom.yaml'))).toBe(true);
  });

  it('exits 2 for an unknown template, with a did-you-mean and the list of templates', async () => {
    const dir = tempDir();
    const typo = await ddsim(['init', 'replicaton'], dir);
    expect(typo.code).toBe(2);
    expect(typo.err).toBe(
      'error: unknown template "replicaton" (did you mean `replication`?); templates: request-response, replication, custom\n',
    );
    const unknown = await ddsim(['init', 'raft'], dir);
    expect(unknown.err).toBe('error: unknown template "raft"; templates: request-response, replication, custom\n');
  });

  it('exits 2, writing nothing, for a model with a built-in template, a bad --lang or a path as --name', async () => {
    const dir = tempDir();
    const cases: [string[], RegExp][] = [
      [['init', 'replication', '--model'], /the replication template runs a built-in model.*ddsim init custom/],
      [['init', 'custom', '--lang', 'py'], /--lang must be js or ts, not "py"/],
      [['init', '--name', 'sub/x'], /--name must be a plain file name.*--dir/],
      [['init', '--dir', 'a-file'], /--dir a-file is not a directory/],
    ];
    writeFileSync(path.join(dir, 'a-file'), '');
    for (const [args, message] of cases) {
      const result = await ddsim(args, dir);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message);
    }
    expect(existsSync(path.join(dir, 'request-response.yaml'))).toBe(false);
  });

  it('lists the templates in its help', async () => {
    const help = await ddsim(['init', '--help'], tempDir());
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Templates:\n {2}request-response {2}.+\n {2}replication {7}.+\n {2}custom {12}.+/);
    expect(help.out).toContain('Exit codes: 0 written, 2');
  });
});

/** The absolute schema path the first line of `file` refers to. */
function firstLineSchema(file: string): string {
  const reference = readFileSync(file, 'utf8').split('\n')[0].replace('# yaml-language-server: $schema=', '');
  return path.resolve(path.dirname(file), reference);
}

/** Splits a command line as a POSIX shell would, for the single quotes the comments use. */
function shellWords(line: string): string[] {
  return [...line.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]);
}
