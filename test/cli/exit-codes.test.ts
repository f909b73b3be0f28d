// `ddsim run` exit codes tell failures apart: 0 held, 1 an expectation failed, 2 invalid input,
// 3 the run did not complete, 4 the model's own code failed or misused the API, 70 a ddsim bug.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runCli } from './fake-io.js';

/** A scenario with a one-file model whose createNode body is `body` (ctx in scope). */
function modelScenario(body: string, extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-exit-'));
  writeFileSync(
    join(dir, 'model.js'),
    [
      'export default {',
      "  name: 'm', description: '', metricNames: () => [],",
      '  parseConfig: ({ system }) => ({ intervalUs: system.has("interval") ? system.duration("interval") : undefined }),',
      '  createShared: () => null,',
      extra,
      `  createNode(ctx, config) { ${body} return {}; },`,
      '};',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 's.yaml'), 'duration: 5s\nnodes: [a, b]\nsystem:\n  model: ./model.js\n');
  return join(dir, 's.yaml');
}

describe('ddsim run exit codes', () => {
  afterEach(() => {
    vi.doUnmock('../../src/run/run-scenario.js');
    vi.resetModules();
  });

  it('0 when every expectation holds, 1 when one fails', async () => {
    expect((await runCli(['run', 'scenarios/pause-looks-dead.yaml', '-q'])).code).toBe(0);
    expect((await runCli(['run', 'scenarios/retry-duplicates.yaml', '-q'])).code).toBe(1);
  });

  it('2 for invalid input', async () => {
    expect((await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'network.los=0.1'])).code).toBe(2);
  });

  it('3 when the event budget runs out (liveness), even though the report is printed', async () => {
    const result = await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--set', 'limits.events=1000', '--format', 'json']);
    expect(result.code).toBe(3);
    expect(JSON.parse(result.out).stopReason).toBe('event-budget-exhausted');
  });

  it('3 when work is still outstanding at the drain limit (requests never answered)', async () => {
    const file = modelScenario('', '  outstanding: () => 1, drainLimitUs: () => 2000000,');
    const result = await runCli(['run', file, '--format', 'json']);
    expect(result.code).toBe(3);
    const document = JSON.parse(result.out);
    expect(document.stopReason).toBe('drain-limit-reached');
    expect(document.ok).toBe(false);
    const pretty = await runCli(['run', file]);
    expect(pretty.out).toContain('work was still outstanding at 7.00s');
  });

  it('3 when a model floods the event queue (two 0-delay timers per timer), naming the node, in bounded memory', async () => {
    const body = 'if (ctx.nodeName === "a") { const flood = () => { ctx.setTimer(0, flood); ctx.setTimer(0, flood); }; flood(); }';
    const file = modelScenario(body);
    const startedMs = performance.now();
    const result = await runCli(['run', file, '--format', 'json', '--set', 'limits.pending-events=100000']);
    expect(result.code).toBe(3);
    const document = JSON.parse(result.out);
    expect(document.stopReason).toBe('pending-limit-reached');
    expect(document.stopDetail).toContain('more than 100000 events pending at 0.000000s simulated; the last one, a timer, was scheduled by node a');
    expect(performance.now() - startedMs).toBeLessThan(10_000);
    // The default bound holds too (2M pending): the run ends instead of filling memory.
    const unbounded = await runCli(['run', file, '-q']);
    expect(unbounded.code).toBe(3);
    expect(unbounded.out).toContain('STOPPED: too many events pending');
  }, 60_000);

  it('4 when ctx.setTimer gets undefined (a misspelt config field), naming the node and the time, no internal error', async () => {
    const result = await runCli(['run', modelScenario('if (ctx.nodeName === "b") ctx.setTimer(config.intervalUs, () => {});')]);
    expect(result.code).toBe(4);
    expect(result.err).toContain('misused the API at simulated time 0.000000s'); // during setup: the message names the node
    expect(result.err).toContain('ctx.setTimer on b: the delay must be a finite number of microseconds >= 0, not undefined');
    expect(result.err).not.toContain('internal error');
    expect(result.out).toBe('');
  });

  it('4 when the model throws in a timer, naming the node, the time and the model frame', async () => {
    const body = 'if (ctx.nodeName === "b") ctx.setTimer(1500000, function explode() { throw new Error("boom"); });';
    const result = await runCli(['run', modelScenario(body)]);
    expect(result.code).toBe(4);
    expect(result.err).toContain('the system model threw on node b at simulated time 1.500000s: boom');
    expect(result.err).toMatch(/at (Timer\.)?explode .*model\.js/);
  });

  it('4 for a send to an unknown node, NaN or negative delays, and metrics that are not numbers', async () => {
    const misuses = [
      'ctx.send("c", 1);',
      'ctx.setTimer(NaN, () => {});',
      'ctx.setTimer(-5, () => {});',
      'ctx.send(7, 1);',
      'ctx.metrics.observe("rtt", undefined);',
      'ctx.metrics.count("x", NaN);',
      'ctx.metrics.set("x", "12ms");',
    ];
    for (const body of misuses) {
      const result = await runCli(['run', modelScenario(body)]);
      expect(result.code, body).toBe(4);
      expect(result.err, body).toContain('misused the API');
    }
  });

  it('70 for a failed ddsim assertion, with the reproduce command and a request to report it', async () => {
    vi.doMock('../../src/run/run-scenario.js', async () => {
      const { AssertionError } = await import('../../src/model/assert.js');
      class ScenarioRun {
        nowUs = 0;
        constructor() {
          throw new AssertionError('event queue out of order');
        }
      }
      return { ScenarioRun };
    });
    const result = await runCli(['run', 'scenarios/pause-looks-dead.yaml', '--seed', '9']);
    expect(result.code).toBe(70);
    expect(result.err).toContain('ddsim internal error');
    expect(result.err).toContain('event queue out of order');
    expect(result.err).toContain('Reproduce: ddsim run scenarios/pause-looks-dead.yaml --seed 9');
    expect(result.err).toContain('Please report it');
  });

  it('a model that fails in one file does not stop the others: its error and reproduce line on stderr, the rest in the JSON', async () => {
    const broken = modelScenario('ctx.setTimer(1000, () => { throw new Error("boom"); });');
    const result = await runCli(['run', broken, 'scenarios/pause-looks-dead.yaml', '--format', 'json']);
    expect(result.code).toBe(4);
    expect(result.err).toContain('the system model threw on node a at simulated time 0.001000s: boom');
    expect(result.err).toMatch(/Reproduce: ddsim run .*s\.yaml --seed 1/);
    const documents = JSON.parse(result.out);
    expect(documents).toHaveLength(1); // still an array: two files were asked for
    expect(documents[0].scenario).toBe('pause-looks-dead');
  });

  it('the most severe code wins over several files', async () => {
    const result = await runCli(['run', 'scenarios/retry-duplicates.yaml', 'scenarios/pause-looks-dead.yaml', '-q', '--set', 'limits.events=1000']);
    expect(result.code).toBe(3);
  });

  it('sweep: 3 when a run did not complete, even with --no-fail; the stderr line counts them', async () => {
    const result = await runCli(['sweep', 'scenarios/pause-looks-dead.yaml', '--set', 'limits.events=1000', '--seeds', '2', '--workers', '1', '--no-fail']);
    expect(result.code).toBe(3);
    expect(result.err).toContain('2 runs did not complete (exit 3)');
  });
});
