// The hostile-input suite in bounded memory (issue 15): each case runs the built CLI as a child
// process under a small V8 heap (--max-old-space-size), so a regression that makes ddsim read a
// whole endless file, build a huge document or let events pile up aborts with "heap out of
// memory" here instead of passing in the test process's large heap. Each case asserts its exit
// code, a located or named message, no stack trace, and a wall-time bound.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIsBuilt as built, runBuiltCli, type Ended } from '../builders/built-cli.js';

const hasDevices = existsSync('/dev/zero') && existsSync('/dev/urandom');
const dir = mkdtempSync(join(tmpdir(), 'ddsim-hostile-bounded-'));

/** The CLI under a V8 heap of `heapMb`, killed after `timeoutMs`. */
function runBounded(args: readonly string[], heapMb: number, timeoutMs: number): Promise<Ended> {
  return runBuiltCli(args, { nodeArgs: [`--max-old-space-size=${heapMb}`], killAfterMs: timeoutMs });
}

const STACK_TRACE = /\n\s+at .*\.(js|ts):\d+|heap out of memory|RangeError|FATAL ERROR/;

function modelScenario(name: string, createNodeBody: string, extraYaml = ''): string {
  const model = join(dir, `${name}.mjs`);
  writeFileSync(
    model,
    `export default { name: '${name}', description: '', metricNames: () => [], parseConfig: () => ({}), createShared: () => null,\n` +
      `  createNode(ctx) { ${createNodeBody} return { onMessage() { while (true) {} } }; } };\n`,
  );
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `duration: 5s\nnodes: [a, b]\nsystem:\n  model: ./${name}.mjs\n${extraYaml}`);
  return file;
}

describe.skipIf(!built)('hostile input in bounded memory (child processes, small heaps)', () => {
  it.skipIf(!hasDevices)('run /dev/urandom and check /dev/zero are refused at their size caps in a 96 MB heap', async () => {
    const run = await runBounded(['run', '/dev/urandom'], 96, 20_000);
    expect(run.code).toBe(2);
    expect(run.err).toContain('/dev/urandom: cannot read the scenario: larger than 10 MB: refused');
    expect(run.err).not.toMatch(STACK_TRACE);
    const check = await runBounded(['check', '/dev/zero'], 96, 30_000);
    expect(check.code).toBe(2);
    expect(check.err).toContain('/dev/zero: cannot read the history: larger than 256 MB: refused');
    expect(check.err).not.toMatch(STACK_TRACE);
    expect(check.elapsedMs).toBeLessThan(30_000);
  }, 60_000);

  it('a 9 MB scenario of one-line faults is refused before parsing, in a 128 MB heap', async () => {
    const lines = ['name: many-faults', 'duration: 100s', 'nodes: [a, b, c]', 'system: { model: heartbeat }', 'faults:'];
    for (let index = 0; index < 180_000; index++) lines.push(`  - { at: ${index % 100_000}ms, for: 1ms, partition: [[a], [b, c]] }`);
    const file = join(dir, 'many-faults.yaml');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const ended = await runBounded(['validate', file], 128, 20_000);
    expect(ended.code).toBe(2);
    expect(ended.out + ended.err).toMatch(/many-faults\.yaml:\d+:\d+: more than 1,000,000 YAML tokens: refused before parsing/);
    expect(ended.err).not.toMatch(STACK_TRACE);
    expect(ended.elapsedMs).toBeLessThan(20_000);
  }, 30_000);

  it('a model flooding the event queue stops at limits.pending-events (exit 3, naming the node) in a 256 MB heap', async () => {
    const file = modelScenario('flood', 'if (ctx.nodeName === "a") { const flood = () => { ctx.setTimer(0, flood); ctx.setTimer(0, flood); }; flood(); }', 'limits: { pending-events: 500000 }\n');
    const ended = await runBounded(['run', file, '-q'], 256, 30_000);
    expect(ended.code).toBe(3);
    expect(ended.out).toContain('STOPPED: too many events pending');
    expect(ended.err).not.toMatch(STACK_TRACE);
  }, 40_000);

  it('a model whose onMessage never returns stops at limits.callback-wall (exit 4) in a 128 MB heap', async () => {
    const file = modelScenario('spin', 'if (ctx.nodeName === "a") ctx.setTimer(1000, () => ctx.send("b", { type: "spin" }));', 'limits: { callback-wall: 1s }\n');
    const ended = await runBounded(['run', file, '-q'], 128, 20_000);
    expect(ended.code).toBe(4);
    expect(ended.err).toContain("onMessage of a `spin` message on node b");
    expect(ended.err).toContain('limits.callback-wall');
    expect(ended.err).not.toMatch(STACK_TRACE);
    expect(ended.elapsedMs).toBeLessThan(15_000);
  }, 30_000);

  it('a history nested 100,000 deep is a located error, not a stack overflow, in a 96 MB heap', async () => {
    const file = join(dir, 'nested.edn');
    writeFileSync(file, '['.repeat(100_000));
    const ended = await runBounded(['check', file], 96, 20_000);
    expect(ended.code).toBe(2);
    expect(ended.err).toContain('nested.edn:1:1001: values nested deeper than 1000 levels');
    expect(ended.err).not.toMatch(STACK_TRACE);
  }, 30_000);

  it('a model calling Math.random is named (exit 4) in a 128 MB heap', async () => {
    const file = modelScenario('rand', 'if (ctx.nodeName === "a") ctx.setTimer(1000, () => Math.random());');
    const ended = await runBounded(['run', file, '-q'], 128, 20_000);
    expect(ended.code).toBe(4);
    expect(ended.err).toContain('Math.random');
    expect(ended.err).not.toMatch(STACK_TRACE);
  }, 30_000);
});
