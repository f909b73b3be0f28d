// `ddsim run --check-determinism` runs each scenario twice first and compares every event: a model
// that uses Math.random is caught at its first diverging event (exit 4); every example model and
// a shipped scenario pass (issue 15, determinism self-check).

import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.js';

function scenarioWithModel(createNodeBody: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ddsim-determinism-'));
  writeFileSync(
    join(dir, 'model.js'),
    `export default { name: 'm', description: '', metricNames: () => [], parseConfig: () => ({}), createShared: () => null,\n` +
      `  createNode(ctx) { ${createNodeBody} return {}; } };\n`,
  );
  writeFileSync(join(dir, 's.yaml'), 'duration: 1s\nnodes: [a, b]\nsystem:\n  model: ./model.js\n');
  return join(dir, 's.yaml');
}

describe('ddsim run --check-determinism', () => {
  it('catches a model that draws from an unseeded source, naming the first event that differs (exit 4)', async () => {
    // Math.random and Date.now are trapped during runs anyway (nondeterministic-model.test.ts):
    // crypto's generator is the kind of source only the comparison of two runs finds.
    const file = scenarioWithModel('const tick = () => ctx.setTimer(1000 + (crypto.getRandomValues(new Uint32Array(1))[0] % 1000000), tick); if (ctx.nodeName === "a") tick();');
    const { code, err, out } = await runCli(['run', file, '--check-determinism']);
    expect(code).toBe(4);
    expect(err).toMatch(/not deterministic: event 1 differs: the first run had [\d.]+s, a timer of node a; the second [\d.]+s, a timer of node a/);
    expect(err).toContain('Math.random');
    expect(out).toBe('');
  });

  it('catches state kept in the model module between runs', async () => {
    const file = scenarioWithModel('globalThis.__ddsimRuns = (globalThis.__ddsimRuns ?? 0) + 1; if (ctx.nodeName === "a") ctx.setTimer(globalThis.__ddsimRuns * 1000, () => {});');
    const { code, err } = await runCli(['run', file, '--check-determinism']);
    expect(code).toBe(4);
    expect(err).toContain('not deterministic');
  });

  it('passes every example scenario (their models) and a shipped scenario', async () => {
    const examples = readdirSync('examples').filter((name) => name.endsWith('.yaml')).map((name) => `examples/${name}`);
    expect(examples.length).toBeGreaterThanOrEqual(3);
    const { code, err } = await runCli(['run', ...examples, 'scenarios/pause-looks-dead.yaml', '--check-determinism', '-q']);
    expect(err).not.toContain('not deterministic');
    for (const file of [...examples, 'scenarios/pause-looks-dead.yaml']) expect(err).toContain(`${file}: deterministic: two runs gave the same`);
    expect(code).toBe(0);
  }, 60_000);
});
