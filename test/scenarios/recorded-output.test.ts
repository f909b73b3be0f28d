// Every shipped scenario (and example), seeds 1-3: `--format json` byte-identical to the output
// recorded before the model-API restructuring (test/fixtures/recorded-json.json.gz, one entry per
// `<scenario>.<seed>.json`). A change that alters any output must re-record it on purpose
// (test/fixtures/record-json.mjs) and say in its commit which output changed and why.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../cli/fake-io.js';

const ROOT = path.resolve(__dirname, '../..');
const RECORDED = JSON.parse(
  zlib.gunzipSync(fs.readFileSync(path.join(ROOT, 'test/fixtures/recorded-json.json.gz'))).toString('utf8'),
) as Record<string, string>;

const FILES = ['scenarios', 'examples'].flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => `${dir}/${name}`),
);

describe('recorded --format json of every shipped scenario', () => {
  it('has a recording for every shipped scenario and seed', () => {
    const expected = FILES.flatMap((file) => [1, 2, 3].map((seed) => `${path.basename(file, '.yaml')}.${seed}.json`));
    expect(Object.keys(RECORDED).sort()).toEqual(expected.sort());
  });

  for (const file of FILES) {
    it(`${file}, seeds 1-3`, async () => {
      for (const seed of [1, 2, 3]) {
        const result = await runCli(['run', file, '--seed', String(seed), '--format', 'json'], fakeIo({ cwd: ROOT }));
        expect(result.out, `${file} seed ${seed}`).toBe(RECORDED[`${path.basename(file, '.yaml')}.${seed}.json`]);
      }
    });
  }
});
