// A model that reads Math.random or Date.now would make its runs irreproducible without a word:
// during a run both throw, the CLI names the call, the node and what to use instead (exit 4),
// even when the model swallows the error; outside runs they work as usual.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.js';

function scenarioWithModel(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-nondeterministic-'));
  writeFileSync(
    join(dir, 'model.js'),
    `export default { name: 'm', description: 'm', metricNames: () => [], parseConfig: () => ({}), ${body} };\n`,
  );
  writeFileSync(join(dir, 's.yaml'), 'duration: 1s\nnodes: [a, b]\nsystem:\n  model: ./model.js\n');
  return join(dir, 's.yaml');
}

describe('a model that reads Math.random or Date.now', () => {
  it('fails with exit 4 naming the call and the node, even when it catches the error', async () => {
    const file = scenarioWithModel(
      "createShared: () => ({}), createNode(ctx) { if (ctx.nodeName === 'b') ctx.setTimer(5000, () => { try { Math.random(); } catch {} }); return {}; }",
    );
    const result = await runCli(['run', file]);
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/the system model misused the API on node b at simulated time 0\.005000s: Math\.random: the run would not be reproducible from its seed: draw from ctx\.random/);
    expect(result.err).toContain('Reproduce: ddsim run');
    expect(Math.random()).toBeLessThan(1); // restored after the run
  });

  it('fails in the observer setup too (Date.now in createShared)', async () => {
    const file = scenarioWithModel('createShared: () => ({ startedMs: Date.now() }), createNode: () => ({})');
    const result = await runCli(['run', file]);
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/Date\.now: the run would not be reproducible from its seed: read ctx\.nowUs\(\)/);
    expect(typeof Date.now()).toBe('number');
  });
});
