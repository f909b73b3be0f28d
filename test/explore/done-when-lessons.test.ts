// The "done when", on every shipped lesson that fails on purpose and passes with its
// faults removed: explore (with no `explore:` section: the default fault kinds on every node)
// finds a failure, and shrink returns at most 2 faults, in at most 300 runs, in under a minute on
// the 2-core machine. Slow (17 s for the four together, measured): run with DDSIM_SLOW_TESTS=1
// after `npm run build`. The default suite checks repl-split-brain the same way
// (explore-cli.test.ts).

import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const LESSONS = ['repl-split-brain', 'repl-paused-leader', 'repl-failover-detector', 'repl-sloppy-quorum'];

describe.skipIf(process.env['DDSIM_SLOW_TESTS'] !== '1')('done when: explore + shrink on the shipped lessons without their faults', () => {
  for (const lesson of LESSONS) {
    it(`${lesson}: found, shrunk to at most 2 faults in at most 300 runs, under a minute`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'ddsim-done-when-'));
      const startedMs = performance.now();
      const explored = spawnSync('node', ['bin/ddsim.js', 'explore', `scenarios/${lesson}.yaml`, '--set', 'faults=[]', '--shrink', '--failures', dir, '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      const elapsedMs = performance.now() - startedMs;
      expect(explored.status, explored.stderr).toBe(1);
      const [failure] = JSON.parse(explored.stdout).failures;
      expect(failure.shrunk.faults.length).toBeGreaterThanOrEqual(1);
      expect(failure.shrunk.faults.length).toBeLessThanOrEqual(2);
      expect(failure.shrunk.runsSpent).toBeLessThanOrEqual(300);
      expect(elapsedMs).toBeLessThan(60_000);
      console.log(`${lesson}: run ${failure.index} fails ${failure.failure}; ${failure.faults.length} -> ${failure.shrunk.faults.length} faults in ${failure.shrunk.runsSpent} shrink runs; ${(elapsedMs / 1000).toFixed(1)} s`);
    }, 120_000);
  }
});
