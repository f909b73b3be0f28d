// Mistakes in the raft model's `system:` section are located errors (file:line:column, the key,
// a hint) with exit code 2, through `ddsim validate`: the election timeout range, a heartbeat
// not below it, read modes, lease reads without check-quorum, misspelt keys.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../../cli/fake-io.js';

async function problems(system: string): Promise<{ code: number; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-raft-config-'));
  const text = `duration: 10s\nnodes: [client, { name: raft, count: 3 }]\nsystem:\n  model: raft\n  servers: [raft-1, raft-2, raft-3]\n${system}workload: { kind: kv, clients: [client], rate: 10/s }\n`;
  writeFileSync(join(dir, 's.yaml'), text);
  const result = await runCli(['validate', 's.yaml'], fakeIo({ cwd: dir }));
  return { code: result.code, lines: result.err.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim()) };
}

describe('raft configuration', () => {
  it('an election timeout max below its min, and an unknown read mode, each at its place', async () => {
    const result = await problems('  election-timeout: { min: 300ms, max: 150ms }\n  reads: bogus\n');
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      's.yaml:6:40: system.election-timeout.max: the maximum (150ms) is below the minimum (300ms) (write min first, then a max at least as large, e.g. { min: 150ms, max: 300ms })',
      's.yaml:7:10: system.reads: expected one of log, read-index, lease, got "bogus"',
    ]);
  });

  it('a heartbeat not below the minimum election timeout, lease reads without check-quorum, a misspelt key', async () => {
    const result = await problems('  election-timeout: { min: 150ms, max: 300ms }\n  heartbeat: 150ms\n  reads: lease\n  pre-vot: true\n');
    expect(result.code).toBe(2);
    expect(result.lines).toHaveLength(3);
    expect(result.lines[0]).toMatch(/^s\.yaml:7:14: system\.heartbeat: the heartbeat \(150ms\) must be shorter than the minimum election timeout \(150ms\)/);
    expect(result.lines[1]).toMatch(/^s\.yaml:8:10: system\.reads: lease reads need `check-quorum: true`.* \(add check-quorum: true; etcd refuses the same combination\)$/);
    expect(result.lines[2]).toBe('s.yaml:9:3: system.pre-vot: unknown key `pre-vot` (did you mean `pre-vote`?)');
  });

  it('accepts the keys of the issue, max equal to min (no randomness) and lease reads with check-quorum', async () => {
    const result = await problems(
      '  election-timeout: { min: 150ms, max: 150ms }\n  heartbeat: 50ms\n  disk-write: { dist: constant, value: 5ms }\n  pre-vote: true\n  check-quorum: true\n  reads: lease\n  lease-drift-bound: 2000ppm\n',
    );
    expect(result).toEqual({ code: 0, lines: [] });
  });
});
