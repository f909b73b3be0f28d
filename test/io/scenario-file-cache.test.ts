// The sweep worker's cache of parsed scenario files: every load from it is exactly what
// loadScenarioFile (`ddsim run <file> --seed S --set ...`) gives, for --set values that change
// the document's structure too, in any order (no load leaks into the next: the parsed document
// is never changed); the same problems for bad --set values; one read per file for the cache's
// life, and a new cache reads a file edited since.

import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioFileCache } from '../../src/io/scenario-file-cache.js';
import { loadScenarioFile } from '../../src/io/scenario-file.js';
import { InputError } from '../../src/errors/input-error.js';
import { REPO_ROOT, temporaryDirectory } from '../sweep/cli-helpers.js';

const SMALL = 'test/sweep/fixtures/small.yaml';

/** Structure-changing sets of small.yaml: list entries, a map replaced by a scalar and back, new sections. */
const SMALL_SETS: readonly (readonly string[])[] = [
  [],
  ['faults[0].at=500ms'],
  ['network.loss=0.2', 'faults[0].at=1500ms', 'faults[0].for=100ms'],
  ['faults[1]={at: 1200ms, crash: server-2}', 'network.latency={dist: constant, value: 7ms}'],
  ['faults=[]', 'limits.events=5000', 'limits.pending-events=900'],
  ['network={latency: 3ms}', 'workload.timeout=10ms', 'system.service.mean=1ms'],
  ['duration=1500ms', 'nodes[1].count=3', 'system.servers=[server-1, server-2, server-3]'],
];

async function problemsOf(load: Promise<unknown>): Promise<unknown> {
  try {
    await load;
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return 'no problem';
}

describe('ScenarioFileCache', () => {
  it('loads what loadScenarioFile loads, for structure-changing --sets in any order, reading the file once', async () => {
    const cache = new ScenarioFileCache();
    const order = [...SMALL_SETS, ...[...SMALL_SETS].reverse()];
    for (const [i, sets] of order.entries()) {
      const options = { cwd: REPO_ROOT, sets, seed: i + 1 };
      expect(await cache.load(SMALL, options)).toEqual(await loadScenarioFile(SMALL, options));
    }
    expect(cache.reads).toBe(1);
  });

  it('gives the same located problems for bad --sets, and loads cleanly afterwards', async () => {
    const cache = new ScenarioFileCache();
    const bad = [['faults[3].at=1s'], ['network.loss=1.5', 'network.latency.dist=nosuch'], ['workload=7'], ['faults[0].at=9s'], ['nope']];
    for (const sets of bad) {
      const options = { cwd: REPO_ROOT, sets, seed: 1 };
      const fromCache = await problemsOf(cache.load(SMALL, options));
      expect(fromCache).not.toBe('no problem');
      expect(fromCache).toEqual(await problemsOf(loadScenarioFile(SMALL, options)));
    }
    const options = { cwd: REPO_ROOT, sets: [], seed: 1 };
    expect(await cache.load(SMALL, options)).toEqual(await loadScenarioFile(SMALL, options));
  });

  it('loads every shipped scenario as loadScenarioFile does, twice, with sets that add and replace sections', async () => {
    const cache = new ScenarioFileCache();
    const files = readdirSync(join(REPO_ROOT, 'scenarios')).filter((name) => name.endsWith('.yaml')).map((name) => `scenarios/${name}`);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const sets of [['network.loss=0.03', 'limits.events=123456'], [], ['seed=9']]) {
        const options = { cwd: REPO_ROOT, sets, seed: 5 };
        expect(await cache.load(file, options)).toEqual(await loadScenarioFile(file, options));
      }
    }
    expect(cache.reads).toBe(files.length);
  }, 60_000);

  it(`holds at most ${ScenarioFileCache.FILE_COUNT_MAX} files, dropping the oldest`, async () => {
    const dir = temporaryDirectory();
    const cache = new ScenarioFileCache();
    const names = Array.from({ length: ScenarioFileCache.FILE_COUNT_MAX + 1 }, (_, i) => `s${i}.yaml`);
    for (const name of names) copyFileSync(join(REPO_ROOT, SMALL), join(dir, name));
    for (const name of names) await cache.load(name, { cwd: dir, sets: [] });
    expect(cache.reads).toBe(names.length);
    await cache.load(names.at(-1)!, { cwd: dir, sets: [] });
    expect(cache.reads).toBe(names.length);
    await cache.load(names[0], { cwd: dir, sets: [] });
    expect(cache.reads).toBe(names.length + 1);
  });

  it('keeps a file for its life; a new cache reads the file as edited since', async () => {
    const dir = temporaryDirectory();
    const file = join(dir, 'edited.yaml');
    copyFileSync(join(REPO_ROOT, SMALL), file);
    const first = new ScenarioFileCache();
    const options = { cwd: dir, sets: ['faults[0].at=500ms'], seed: 3 };
    expect((await first.load('edited.yaml', options)).network.lossProbability).toBe(0.02);
    writeFileSync(file, readFileSync(file, 'utf8').replace('loss: 0.02', 'loss: 0.07'));
    expect((await first.load('edited.yaml', options)).network.lossProbability).toBe(0.02);
    const next = new ScenarioFileCache();
    const reloaded = await next.load('edited.yaml', options);
    expect(reloaded.network.lossProbability).toBe(0.07);
    expect(reloaded).toEqual(await loadScenarioFile('edited.yaml', options));
  });

  it('does not keep a file it cannot read: it is read again once it exists', async () => {
    const dir = temporaryDirectory();
    const cache = new ScenarioFileCache();
    const options = { cwd: dir, sets: [], seed: 1 };
    expect(await problemsOf(cache.load('later.yaml', options))).toEqual(await problemsOf(loadScenarioFile('later.yaml', options)));
    copyFileSync(join(REPO_ROOT, SMALL), join(dir, 'later.yaml'));
    expect((await cache.load('later.yaml', options)).name).toBe('small');
  });
});
