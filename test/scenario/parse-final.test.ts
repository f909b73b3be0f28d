// `final:` problems are located errors (file:line:column, key path, hint), through `ddsim validate`.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeIo, runCli } from '../cli/fake-io.js';

const header = `duration: 10s
nodes: [client, { name: db, count: 3 }]
system: { model: leader-follower, servers: [db-1, db-2, db-3] }
workload: { clients: [client], rate: 10/s }
`;

/** Validates `text` (appended to a valid leader-follower header) as s.yaml; the problem lines. */
async function problems(text: string): Promise<{ code: number; lines: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-final-'));
  writeFileSync(join(dir, 's.yaml'), header + text);
  const result = await runCli(['validate', 's.yaml'], fakeIo({ cwd: dir }));
  return { code: result.code, lines: result.err.split('\n').filter((line) => line.startsWith('  ')).map((line) => line.trim()) };
}

describe('final:', () => {
  it('a valid quiet period passes', async () => {
    expect(await problems('final: { quiet: 2s }\n')).toEqual({ code: 0, lines: [] });
    expect(await problems('final: {}\n')).toEqual({ code: 0, lines: [] });
  });

  it('a quiet period without a unit, and an unknown key', async () => {
    const result = await problems('final:\n  quiet: 5\n  wait: 2s\n');
    expect(result.code).toBe(2);
    expect(result.lines).toEqual([
      's.yaml:6:10: final.quiet: a duration needs a unit, got 5 (add a unit, e.g. 250ms)',
      's.yaml:7:3: final.wait: unknown key `wait` (keys of final: quiet)',
    ]);
  });

  it('a quiet period beyond one hour, or negative', async () => {
    expect((await problems('final: { quiet: 2h }\n')).lines).toEqual(['s.yaml:5:17: final.quiet: must be at most 1h, got 2h']);
    expect((await problems('final: { quiet: -1s }\n')).lines).toEqual(['s.yaml:5:17: final.quiet: a duration must not be negative, got -1s']);
  });

  it('final must be a map', async () => {
    expect((await problems('final: 5s\n')).lines).toEqual(['s.yaml:5:8: final: expected a map, got "5s"']);
  });
});
