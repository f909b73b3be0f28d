// Hostile input ends with a clear message and exit 2, in bounded time and memory (issue 15,
// points 2 and 9): endless or huge files are refused at a size cap, bytes that are not UTF-8 are
// refused with their position instead of turning into U+FFFD.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.js';

const dir = mkdtempSync(join(tmpdir(), 'ddsim-hostile-'));
const hasDevices = existsSync('/dev/zero') && existsSync('/dev/urandom');

describe.skipIf(!hasDevices)('endless inputs', () => {
  it('run /dev/zero and /dev/urandom: refused past 10 MB, exit 2, no stack trace', async () => {
    for (const device of ['/dev/zero', '/dev/urandom']) {
      const startedMs = performance.now();
      const { code, err } = await runCli(['run', device]);
      expect(code).toBe(2);
      expect(err).toContain(`${device}: cannot read the scenario: larger than 10 MB: refused`);
      expect(err).not.toMatch(/at .*\.js:\d+|RangeError|Invalid string length/);
      expect(performance.now() - startedMs).toBeLessThan(5000);
    }
  });

  it('check /dev/zero: refused past 256 MB instead of growing without bound', async () => {
    const { code, err } = await runCli(['check', '/dev/zero']);
    expect(code).toBe(2);
    expect(err).toContain('/dev/zero: cannot read the history: larger than 256 MB: refused');
  }, 20_000);
});

describe('files that are not what was meant', () => {
  it('a scenario over 10 MB is refused before it is parsed', async () => {
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `name: huge\n# ${'x'.repeat(11 * 1024 * 1024)}\n`);
    const { code, err } = await runCli(['validate', file]);
    expect(code).toBe(2);
    expect(err).toContain('larger than 10 MB');
  });

  it('a scenario within 10 MB but with more YAML than can be parsed in bounded memory is refused before parsing', async () => {
    // 9.8 MB of one-line faults ran out of a 1 GB heap after 100 s in the yaml library.
    const lines = ['name: many-faults', 'duration: 100s', 'nodes: [a, b, c]', 'system: { model: heartbeat }', 'faults:'];
    for (let index = 0; index < 60_000; index++) lines.push(`  - { at: ${index}ms, for: 1ms, partition: [[a], [b, c]] }`);
    const file = join(dir, 'many-faults.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const startedMs = performance.now();
    const { code, err } = await runCli(['validate', file]);
    expect(code).toBe(2);
    expect(err).toMatch(/many-faults\.yaml:\d+:\d+: more than 1,000,000 YAML tokens: refused before parsing/);
    expect(err).toContain('random faults');
    expect(performance.now() - startedMs).toBeLessThan(5000);
  });

  it('Latin-1 bytes are refused with their line and column, not read as U+FFFD', async () => {
    const file = join(dir, 'latin1.yaml');
    writeFileSync(file, Buffer.from('name: ok\ndescription: "Gr\xfc\xdfe"\n', 'latin1'));
    const { code, err } = await runCli(['validate', file]);
    expect(code).toBe(2);
    expect(err).toContain('not UTF-8 text: byte 26 (line 2, column 17) is not valid UTF-8; save the file as UTF-8');
  });

  it('UTF-8 text, multi-byte characters included, reads as before', async () => {
    const file = join(dir, 'utf8.yaml');
    writeFileSync(file, 'name: café ✓\nduration: 1s\nnodes: [a]\nsystem: { model: heartbeat }\n');
    const { err } = await runCli(['validate', file]);
    expect(err).not.toContain('UTF-8');
  });

  it('a topology over the node bound is one problem, with no cascade into the workload (issue 15, point 8)', async () => {
    const file = join(dir, 'big.yaml');
    writeFileSync(file, 'duration: 1s\nnodes: [{ name: s, count: 10000 }, client]\nsystem: { model: request-response, servers: ["s-*"] }\nworkload: { clients: [client], rate: 1/s }\n');
    const { code, err } = await runCli(['validate', file]);
    expect(code).toBe(2);
    expect(err).toContain('10001 nodes declared; at most 10000 are supported');
    expect(err).not.toContain('at least one client');
    expect(err).toContain('1 problem');
  });
});
