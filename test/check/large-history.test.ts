// Point 1 of the robustness issue: a 1,000,000-line sequential register history is checked in
// seconds and well under 1 GB (no search: real-time order is the only linearization), and a
// sequential history with one stale read is found not linearizable, with that read as witness.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../src/check/check.js';
import { readHistory } from '../../src/check/read-history.js';
import { createModel } from '../../src/check/models/index.js';

const ROOT = resolve(__dirname, '../..');
const built = existsSync(join(ROOT, 'dist/cli/main.js'));

/** `pairs` operations one after another, alternating writes of i and reads of the last write. */
function sequentialHistory(pairs: number, staleReadAt = -1): string {
  const lines: string[] = [];
  let last = 0;
  for (let i = 0; i < pairs; i++) {
    const p = i % 5;
    if (i % 2 === 0) {
      last = i;
      lines.push(`{:type :invoke, :f :write, :value ${i}, :process ${p}}`, `{:type :ok, :f :write, :value ${i}, :process ${p}}`);
    } else {
      const read = i === staleReadAt ? last - 2 : last;
      lines.push(`{:type :invoke, :f :read, :value nil, :process ${p}}`, `{:type :ok, :f :read, :value ${read}, :process ${p}}`);
    }
  }
  return lines.join('\n') + '\n';
}

describe('sequential histories', () => {
  it('one stale read in 20,000 operations: not linearizable, the read is the witness', () => {
    const history = readHistory(sequentialHistory(20_000, 15_001));
    const result = checkLinearizability(history.operations, createModel('cas-register', { initialValue: 0 }), { maxStates: 1000 });
    expect(result.verdict).toBe('not-linearizable');
    expect(result.witness).toBeDefined();
    expect(JSON.stringify(result.witness)).toContain('14998');
  });

  it.skipIf(!built)('1,000,000 lines: linearizable in seconds, under a 1 GB heap', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ddsim-large-')), 'h.edn');
    writeFileSync(file, sequentialHistory(500_000));
    const startedMs = performance.now();
    const run = spawnSync('node', ['--max-old-space-size=1024', join(ROOT, 'bin/ddsim.js'), 'check', file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/linearizable \(cas-register, 500000 operations/);
    expect(run.status).toBe(0);
    expect(performance.now() - startedMs).toBeLessThan(30_000); // about 3 s here
  }, 60_000);
});
