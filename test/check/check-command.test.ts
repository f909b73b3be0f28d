// `ddsim check` in-process: verdicts, witness output, JSON, exit codes and located input errors.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../cli/fake-io.js';

const folder = mkdtempSync(path.join(tmpdir(), 'ddsim-check-'));
function historyFile(name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text);
  return file;
}

const GOOD = historyFile(
  'good.edn',
  `[{:process 0, :type :invoke, :f :write, :value 1}
 {:process 0, :type :ok, :f :write, :value 1}
 {:process 1, :type :invoke, :f :read, :value nil}
 {:process 1, :type :ok, :f :read, :value 1}]`,
);
const BAD = historyFile(
  'bad.edn',
  `[{:process 0, :type :invoke, :f :write, :value 1}
 {:process 0, :type :ok, :f :write, :value 1}
 {:process 1, :type :invoke, :f :read, :value nil}
 {:process 1, :type :ok, :f :read, :value 0}]`,
);
const ETCD = historyFile(
  'etcd.log',
  ['INFO  jepsen.util - 0\t:invoke\t:read\tnil', 'INFO  jepsen.util - 0\t:ok\t:read\tnil', ''].join('\n'),
);
const BROKEN = historyFile('broken.edn', '[{:process 0, :type :invoke, :f :read, :value nil}\n {:process 0 :type :ok :f');

describe('ddsim check', () => {
  it('exits 0 for a linearizable history', async () => {
    const { code, out } = await runCli(['check', GOOD]);
    expect(code).toBe(0);
    expect(out).toMatch(/good\.edn: linearizable \(cas-register, 2 operations/);
  });

  it('exits 1 and draws the witness for a violation', async () => {
    const { code, out } = await runCli(['check', BAD]);
    expect(code).toBe(1);
    expect(out).toContain('NOT linearizable');
    expect(out).toContain('gets past the completion of read → 0 (invoked at line 3)');
    expect(out).toMatch(/process 0 +\[write 1\]/);
    expect(out).toMatch(/process 1 +\[read → 0\]/);
    expect(out).not.toContain('\u001b[');
  });

  it('uses each format\'s initial value, and --initial overrides it', async () => {
    expect((await runCli(['check', ETCD])).code).toBe(0);
    expect((await runCli(['check', ETCD, '--initial', '0'])).code).toBe(1);
  });

  it('prints JSON with the witness and a summary for several files; the worst exit code wins', async () => {
    const { code, out } = await runCli(['check', GOOD, BAD, '--format', 'json']);
    expect(code).toBe(1);
    const document = JSON.parse(out);
    expect(document.files.map((file: { verdict: string }) => file.verdict)).toEqual(['linearizable', 'not-linearizable']);
    expect(document.files[1].witness.operations.map((op: { description: string }) => op.description)).toContain('read → 0');
    expect(document.exitCode).toBe(1);
  });

  it('prints a summary count for several files', async () => {
    const { out } = await runCli(['check', GOOD, BAD, ETCD]);
    expect(out).toContain('3 histories: 2 linearizable, 1 not linearizable, 0 unknown, 0 unreadable');
  });

  it('exits 3 when the budget runs out', async () => {
    const writes = Array.from({ length: 10 }, (_, process) => [
      `{:process ${process}, :type :invoke, :f :write, :value ${process}}`,
    ]).flat();
    const completions = Array.from({ length: 10 }, (_, process) => `{:process ${process}, :type :ok, :f :write, :value ${process}}`);
    const read = ['{:process 99, :type :invoke, :f :read, :value nil}', '{:process 99, :type :ok, :f :read, :value 42}'];
    const file = historyFile('hard.edn', `[${[...writes, ...completions, ...read].join('\n')}]`);
    const { code, out } = await runCli(['check', file, '--max-states', '20']);
    expect(code).toBe(3);
    expect(out).toContain('unknown (budget exhausted)');
  });

  it('exits 2 with file:line for unreadable input, and for a missing file', async () => {
    const { code, err } = await runCli(['check', GOOD, BROKEN, path.join(folder, 'missing.edn')]);
    expect(code).toBe(2);
    expect(err).toContain(`${BROKEN}:2:`);
    expect(err).toContain('missing.edn: cannot read the history: file not found');
  });

  it('exits 2 with a located message, not a stack overflow, for values nested 100,000 deep', async () => {
    const { code, err } = await runCli(['check', historyFile('nested.edn', '['.repeat(100_000))]);
    expect(code).toBe(2);
    expect(err).toContain('nested.edn:1:1001: values nested deeper than 1000 levels');
    expect(err).not.toMatch(/RangeError|internal error|at .*\.js:\d+/);
  });

  it('explains a # comment (EDN comments start with ;) instead of "unexpected  "', async () => {
    const { code, err } = await runCli(['check', historyFile('comment.edn', '# a comment\n[]\n')]);
    expect(code).toBe(2);
    expect(err).toContain('comment.edn:1:1: `#` followed by a space: EDN comments start with `;`');
  });

  it('exits 2 when the model does not fit the history', async () => {
    const { code, err } = await runCli(['check', GOOD, '--model', 'kv']);
    expect(code).toBe(2);
    expect(err).toContain('the kv model supports get, put and append, not write');
  });

  it('colours the verdict only when asked to', async () => {
    const { out } = await runCli(['check', BAD], fakeIo({ env: { FORCE_COLOR: '1' } }));
    expect(out).toContain('\u001b[');
  });
});
