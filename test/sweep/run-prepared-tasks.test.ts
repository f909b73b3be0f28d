// How a sweep worker carries out a batch (src/sweep/sweep-task.ts, CallbackWatchdog.runEach):
// the batch's scenarios are loaded first, then run in order, short runs several to one guarded
// call. Every task is reported once, in order, with the outcome it has when run alone: a run
// whose callback hangs, one whose model throws and one whose scenario does not load each get
// their error outcome in their place, and the runs after them go on.

import { copyFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioFileCache } from '../../src/io/scenario-file-cache.js';
import { CallbackWatchdog } from '../../src/run/callback-watchdog.js';
import type { RunOutcome } from '../../src/sweep/sweep-record.js';
import { executeTask, prepareTask, runPreparedTasks, type SweepTask } from '../../src/sweep/sweep-task.js';
import { temporaryDirectory } from './cli-helpers.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

/** The hanging fixture, plus a model option `throw` (its createNode throws on node b). */
function fixtureDirectory(): string {
  const dir = temporaryDirectory();
  copyFileSync(join(REPO_ROOT, 'test/fixtures/hanging/hanging-model.mjs'), join(dir, 'hanging-model.mjs'));
  writeFileSync(
    join(dir, 'throwing-model.mjs'),
    [
      "import hanging from './hanging-model.mjs';",
      'export default {',
      '  ...hanging,',
      "  name: 'throwing',",
      "  createNode(ctx, config, shared) { if (ctx.nodeName === 'b') throw new Error('b cannot start'); return hanging.createNode(ctx, config, shared); },",
      '};',
      '',
    ].join('\n'),
  );
  writeFileSync(
    join(dir, 'batch.yaml'),
    ['name: batch', 'duration: 2s', 'limits:', '  callback-wall: 1s', 'nodes: [a, b]', 'system:', '  model: ./hanging-model.mjs', '  hang: none', ''].join('\n'),
  );
  return dir;
}

function task(dir: string, index: number, sets: readonly string[]): SweepTask {
  return { index, file: 'batch.yaml', cwd: dir, sets, seed: 1 + index };
}

describe('a sweep worker runs a batch in order, short runs sharing guarded calls', () => {
  it('reports each task once, in order, as it would be alone, failures in their place', async () => {
    const dir = fixtureDirectory();
    const tasks = [
      task(dir, 0, []),
      task(dir, 1, ['system.hang=onMessage']),
      task(dir, 2, []),
      task(dir, 3, ['system.model=./throwing-model.mjs']),
      task(dir, 4, ['system.no-such-key=1']),
      task(dir, 5, ['system.hang=slow']),
      task(dir, 6, []),
    ];
    const files = new ScenarioFileCache();
    const prepared = [];
    for (const each of tasks) prepared.push(await prepareTask(each, files));
    const reported: { index: number; outcome: RunOutcome }[] = [];
    runPreparedTasks(prepared, new CallbackWatchdog(), (each, outcome) => reported.push({ index: each.index, outcome }));

    expect(reported.map((each) => each.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const [none0, hung, none2, threw, unloadable, slow, none6] = reported.map((each) => each.outcome);
    for (const ok of [none0, none2, slow, none6]) expect(ok).toMatchObject({ kind: 'result', ok: true, metrics: { pings: 38 } });
    expect(hung).toMatchObject({ kind: 'error', cause: 'model' });
    expect(hung!.kind === 'error' && hung!.message).toContain('has not returned after 1s of wall time');
    expect(threw).toMatchObject({ kind: 'error', cause: 'model' });
    expect(threw!.kind === 'error' && threw!.message).toContain('b cannot start');
    expect(unloadable).toMatchObject({ kind: 'error', cause: 'input' });

    // Each outcome is the one the task gets when run on its own.
    const alone = new ScenarioFileCache();
    const watchdog = new CallbackWatchdog();
    for (const index of [0, 2, 3, 4, 5, 6]) {
      expect(await executeTask(tasks[index]!, { watchdog, files: alone })).toEqual(reported[index]!.outcome);
    }
  }, 30_000);
});
