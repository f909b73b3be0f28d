// The built CLI in a real process with a model callback that never returns: `ddsim run` stops it
// after limits.callback-wall of wall time with exit 4, naming the callback, the node and the
// simulated time (no stack trace), and goes on with the other files; Ctrl-C still stops a hung run.
// (A real process: the watchdog stops the run with SIGINT, which must not reach the test runner.)

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliIsBuilt as built, ROOT, runBuiltCli, type Ended } from '../builders/built-cli.js';

const HANGING = 'test/fixtures/hanging/hanging.yaml';

/** Colourless, and killed after 30 s: a watchdog that failed must not hang the suite. */
function runBin(args: readonly string[], drive?: (child: ChildProcess) => void): Promise<Ended> {
  return runBuiltCli(args, { env: { ...process.env, NO_COLOR: '1' }, killAfterMs: 30_000, ...(drive === undefined ? {} : { drive }) });
}

const STACK_FRAME = /^\s+at .*:\d+/m;

describe.skipIf(!built)('the callback watchdog of ddsim run', () => {
  it('stops onMessage in an endless loop (that catches everything) after limits.callback-wall: exit 4, what and where', async () => {
    const ended = await runBin(['run', HANGING, '--set', 'system.hang=onMessage']);
    expect(ended.code).toBe(4);
    expect(ended.out).toBe('');
    expect(ended.err).toContain(
      `error: ${HANGING}: the system model's onMessage of a \`ping\` message on node b at simulated time 0.301000s ` +
        'has not returned after 1s of wall time (limits.callback-wall: 1s)',
    );
    expect(ended.err).toContain(`Reproduce: ddsim run ${HANGING} --seed 1 --set system.hang=onMessage\n`);
    expect(ended.err).not.toMatch(STACK_FRAME);
    expect(ended.err).not.toContain('interrupted');
    expect(ended.elapsedMs).toBeGreaterThan(1000);
    expect(ended.elapsedMs).toBeLessThan(8000);
  }, 30_000);

  it('stops a parseConfig that never returns while the scenario loads: a located error naming it, exit 2', async () => {
    const ended = await runBin(['run', HANGING, '--set', 'system.hang=parseConfig']);
    expect(ended.code).toBe(2);
    expect(ended.err).toMatch(/hanging\.yaml:\d+:\d+.*parseConfig did not return within 1s \(limits\.callback-wall\)/);
    expect(ended.err).not.toMatch(STACK_FRAME);
    expect(ended.elapsedMs).toBeLessThan(8000);
  }, 30_000);

  it('stops a metricNames that never returns (while loading, then as the run is built): exit 4 naming the callback', async () => {
    const ended = await runBin(['run', HANGING, '--set', 'system.hang=metricNames']);
    expect(ended.code).toBe(4);
    expect(ended.err).toContain("the system model's metricNames at simulated time 2.000000s has not returned after 1s of wall time (limits.callback-wall: 1s)");
    expect(ended.err).not.toMatch(STACK_FRAME);
    expect(ended.elapsedMs).toBeLessThan(12_000);
  }, 30_000);

  it('names a hung timer callback by its function name', async () => {
    const ended = await runBin(['run', HANGING, '--set', 'system.hang=timer', '--format', 'json']);
    expect(ended.code).toBe(4);
    expect(ended.out).toBe('');
    expect(ended.err).toContain("the system model's timer callback `tick` on node a at simulated time 0.500000s has not returned after 1s");
    expect(ended.err).not.toMatch(STACK_FRAME);
  }, 30_000);

  it('stops a hung setup and a hung finish too', async () => {
    const setup = await runBin(['run', HANGING, '--set', 'system.hang=createNode']);
    expect(setup.code).toBe(4);
    expect(setup.err).toContain("the system model's createNode (setup) on node b at simulated time 0.000000s has not returned");
    const finish = await runBin(['run', HANGING, '--set', 'system.hang=finish', '--set', 'limits.callback-wall=500ms']);
    expect(finish.code).toBe(4);
    expect(finish.err).toContain("the system model's finish at simulated time 2.000000s has not returned after 500ms of wall time");
  }, 30_000);

  it('leaves slow callbacks alone, and runs the other files after a hung one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-watchdog-'));
    const hung = join(dir, 'hung.yaml');
    const slow = join(dir, 'slow.yaml');
    const model = join(ROOT, 'test/fixtures/hanging/hanging-model.mjs');
    const scenario = (hang: string): string =>
      `name: ${hang}\nduration: 2s\nlimits: { callback-wall: 1s }\nnodes: [a, b]\nsystem:\n  model: ${model}\n  hang: ${hang}\nexpect:\n  - pings > 10\n`;
    writeFileSync(hung, scenario('timer'));
    writeFileSync(slow, scenario('slow'));
    const ended = await runBin(['run', hung, slow, '--format', 'json']);
    expect(ended.code).toBe(4);
    expect(ended.err).toContain("timer callback `tick` on node a at simulated time 0.500000s has not returned after 1s");
    const documents = JSON.parse(ended.out); // two files planned: an array, of the one that finished
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ scenario: 'slow', ok: true, metrics: { pings: 38 } });
  }, 30_000);

  it('watches --check-determinism runs too', async () => {
    const ended = await runBin(['run', HANGING, '--set', 'system.hang=onMessage', '--check-determinism']);
    expect(ended.code).toBe(4);
    expect(ended.out).toBe('');
    expect(ended.err).toContain("onMessage of a `ping` message on node b at simulated time 0.301000s has not returned after 1s");
    expect(ended.err).toContain('Reproduce: ddsim run');
  }, 30_000);

  it('a plain run is unchanged: exit 0, its output, nothing on stderr', async () => {
    const ended = await runBin(['run', HANGING, '--format', 'json']);
    expect(ended.code).toBe(0);
    expect(ended.err).toBe('');
    expect(JSON.parse(ended.out)).toMatchObject({ ok: true, stopReason: 'completed', metrics: { pings: 38, events: 76 } });
  }, 30_000);

  it('Ctrl-C during a hung callback takes effect when the watchdog stops it (JavaScript cannot run meanwhile)', async () => {
    const ended = await runBin(['run', HANGING, '--set', 'system.hang=onMessage', '--set', 'limits.callback-wall=2s'], (child) => {
      setTimeout(() => child.kill('SIGINT'), 1000);
    });
    expect(ended.code).toBe(4);
    expect(ended.err).toContain('has not returned after 2s of wall time');
    expect(ended.err).not.toMatch(STACK_FRAME);
    expect(ended.elapsedMs).toBeLessThan(8000);
  }, 30_000);

  it('refuses limits.callback-wall: 0 as invalid input, located: exit 2', async () => {
    const ended = await runBin(['run', HANGING, '--set', 'limits.callback-wall=0']);
    expect(ended.code).toBe(2);
    expect(ended.err).toMatch(/--set limits\.callback-wall=0: limits\.callback-wall: must be more than 0, got 0/);
    expect(ended.err).toMatch(/10s \(the default\)/);
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-watchdog-'));
    const file = join(dir, 'zero.yaml');
    writeFileSync(file, `duration: 1s\nlimits:\n  callback-wall: 0s\nnodes: [a]\nsystem:\n  model: ${join(ROOT, 'test/fixtures/hanging/hanging-model.mjs')}\n`);
    const located = await runBin(['run', file]);
    expect(located.code).toBe(2);
    expect(located.err).toContain(`${file}:3:18: limits.callback-wall: must be more than 0, got 0`);
    expect(located.err).not.toMatch(STACK_FRAME);
  }, 30_000);
});
