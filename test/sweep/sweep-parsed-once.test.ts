// End to end: sweep workers parse the scenario once and apply each run's --set values and seed to
// a copy; every record is still exactly what `ddsim run <file> --seed S --set ...` gives, with
// --set values that change the document's structure (a fault's time, the network's loss and
// latency map); a file edited between two sweeps is read afresh by the second.

import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, sortedRunLines, temporaryDirectory } from './cli-helpers.js';

const SMALL = 'test/sweep/fixtures/small.yaml';

/** What a sweep record and `ddsim run --format json` both carry. */
function resultOf(document: { ok: boolean; stopReason: string; metrics: object; expectations: { expr: string; ok: boolean; observed: unknown }[] }) {
  return {
    ok: document.ok,
    stopReason: document.stopReason,
    metrics: document.metrics,
    expectations: document.expectations.map(({ expr, ok, observed }) => ({ expr, ok, observed })),
  };
}

/** The words of a reproduce command (single-quoted words, as sweep records quote them). */
function shellWords(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|(\S+)/g)].map((match) => match[1] ?? match[2]);
}

/** Each record equals `ddsim run` of its reproduce command (run in `cwd`). */
async function expectRecordsEqualRuns(records: any[], cwd: string): Promise<void> {
  for (const record of records) {
    const args = shellWords(record.reproduce).slice(1);
    const single = await runCli([...args, '--format', 'json'], cwd);
    expect(resultOf(record), record.id).toEqual(resultOf(JSON.parse(single.stdout)));
  }
}

describe('ddsim sweep with the scenario parsed once per worker', () => {
  it('records exactly what `ddsim run --seed --set` gives, for --sets that change the structure', async () => {
    const dir = temporaryDirectory();
    const out = join(dir, 'structure.jsonl');
    const result = await runCli([
      'sweep', SMALL, '--seeds', '2', '--set', 'network.latency={dist: constant, value: 4ms}',
      '--vary', 'faults[0].at=500ms,1500ms', '--vary', 'network.loss=0,0.1', '--vary', 'workload.timeout=50ms',
      '--workers', '2', '--out', out, '--no-fail',
    ]);
    expect(result.stderr).toBe('');
    const records = sortedRunLines(readFileSync(out, 'utf8')).map((line) => JSON.parse(line));
    expect(records).toHaveLength(8);
    expect(records.every((record) => record.error === null)).toBe(true);
    // The settings matter (no run saw another run's sets): 8 different event counts.
    expect(new Set(records.map((record) => record.metrics.events)).size).toBe(8);
    await expectRecordsEqualRuns(records, REPO_ROOT);
  }, 60_000);

  it('reads a file edited between two sweeps afresh', async () => {
    const dir = temporaryDirectory();
    copyFileSync(join(REPO_ROOT, SMALL), join(dir, 'edited.yaml'));
    const sweep = async (name: string) => {
      const out = join(dir, name);
      await runCli(['sweep', 'edited.yaml', '--seeds', '2', '--vary', 'faults[0].at=700ms', '--workers', '2', '--out', out, '--no-fail'], dir);
      return sortedRunLines(readFileSync(out, 'utf8')).map((line) => JSON.parse(line));
    };
    const before = await sweep('before.jsonl');
    writeFileSync(join(dir, 'edited.yaml'), readFileSync(join(dir, 'edited.yaml'), 'utf8').replace('loss: 0.02', 'loss: 0.3'));
    const after = await sweep('after.jsonl');
    expect(after.map((record) => record.id)).toEqual(before.map((record) => record.id));
    for (const [i, record] of after.entries()) expect(record.metrics['messages.lost']).toBeGreaterThan(before[i].metrics['messages.lost']);
    await expectRecordsEqualRuns(after, dir);
  }, 60_000);
});
