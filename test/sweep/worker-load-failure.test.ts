// A pool whose worker entry cannot be loaded fails at once with one message naming the entry,
// instead of starting a replacement worker per task, each failing alike (src/sweep/worker-pool.ts).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SweepTask } from '../../src/sweep/sweep-task.js';
import { runTasks } from '../../src/sweep/worker-pool.js';

const tasks: SweepTask[] = Array.from({ length: 20 }, (_, i) => ({ index: i, file: 'test/sweep/fixtures/small.yaml', cwd: process.cwd(), sets: [], seed: i + 1 }));

describe('a worker entry that cannot load', () => {
  it('a missing file: the pool rejects naming it, and no run is reported', async () => {
    const missing = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'ddsim-pool-')), 'no-such-worker.js'));
    const outcomes: unknown[] = [];
    await expect(runTasks(tasks, { workerCount: 2, workerUrl: missing, onOutcome: (_task, outcome) => outcomes.push(outcome) })).rejects.toThrow(/no-such-worker\.js could not be loaded/);
    expect(outcomes).toEqual([]);
  });

  it('a syntax error in the entry: the same', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ddsim-pool-')), 'broken-worker.mjs');
    writeFileSync(file, 'export const = ;\n');
    const outcomes: unknown[] = [];
    await expect(runTasks(tasks, { workerCount: 1, workerUrl: pathToFileURL(file), onOutcome: (_task, outcome) => outcomes.push(outcome) })).rejects.toThrow(/broken-worker\.mjs could not be loaded/);
    expect(outcomes).toEqual([]);
  });
});
