// A sweep in which one run's model callback never returns: the pool terminates that worker after
// the run's limits.callback-wall, records the run as failed (exit 4) with what hung, and the
// other runs finish on a fresh worker.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, sortedRunLines, temporaryDirectory } from './cli-helpers.js';

const HANGING = 'test/fixtures/hanging/hanging.yaml';

describe('ddsim sweep with a hung callback', () => {
  it.each([1, 2])('records the hung run as failed and finishes the others (%i workers)', async (workerCount) => {
    const dir = temporaryDirectory();
    const out = join(dir, 'hung.jsonl');
    const startedMs = performance.now();
    const result = await runCli([
      'sweep', HANGING, '--vary', 'system.hang=none,onMessage,slow', '--seeds', '1',
      '--workers', String(workerCount), '--out', out, '--format', 'json',
    ]);
    expect(performance.now() - startedMs).toBeLessThan(20_000);
    expect(result.code).toBe(4);
    expect(result.stderr).toContain("1 run failed in the model's code (exit 4)");
    const records = sortedRunLines(readFileSync(out, 'utf8')).map((line) => JSON.parse(line));
    expect(records).toHaveLength(3);
    const byId = new Map(records.map((record) => [record.id, record]));
    expect(byId.get('system.hang=none seed=1')).toMatchObject({ ok: true, error: null, metrics: { pings: 38 } });
    expect(byId.get('system.hang=slow seed=1')).toMatchObject({ ok: true, error: null, metrics: { pings: 38 } });
    expect(byId.get('system.hang=onMessage seed=1')).toMatchObject({
      ok: false,
      exitCode: 4,
      error:
        "the system model's onMessage of a `ping` message on node b at simulated time 0.301000s has not returned " +
        'after 1s of wall time (limits.callback-wall: 1s): an endless loop? If it is only slow, raise limits.callback-wall',
    });
    expect(JSON.parse(result.stdout)).toMatchObject({ okRuns: 2, errorRuns: 1 });
  }, 40_000);
});
