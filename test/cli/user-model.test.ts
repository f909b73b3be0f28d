// Users' own models, loaded by path from a scenario: JavaScript and TypeScript.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './fake-io.js';

describe('user models', () => {
  it('runs the JavaScript example model and its expectations', async () => {
    const result = await runCli(['run', 'examples/custom-model.yaml', '--format', 'json']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const { metrics } = JSON.parse(result.out);
    expect(metrics.pings).toBeGreaterThan(250);
    expect(metrics.timeouts).toBeGreaterThanOrEqual(20);
    expect(metrics['rtt.mean']).toBeGreaterThan(0);
  });

  it('runs the TypeScript example model', async () => {
    const result = await runCli(['run', 'examples/custom-model-typed.yaml', '--format', 'json']);
    expect(result.err).toBe('');
    expect(JSON.parse(result.out).metrics.pongs).toBeGreaterThan(100);
  });

  it('reports a module that is not a model as invalid input with its location', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-model-'));
    writeFileSync(join(dir, 'not-a-model.js'), 'export const x = 1;\n');
    writeFileSync(join(dir, 's.yaml'), 'duration: 1s\nnodes: [a]\nsystem:\n  model: ./not-a-model.js\n');
    const result = await runCli(['run', join(dir, 's.yaml')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/s\.yaml:4:\d+: system\.model: .*no default export/);
  });

  it('reports a model that throws during the run with the simulated time and its own stack, exit 4', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddsim-model-'));
    writeFileSync(
      join(dir, 'throws.js'),
      [
        'export default {',
        "  name: 'throws', description: '', metricNames: () => [],",
        '  parseConfig: () => ({}), createShared: () => null,',
        '  createNode(ctx) {',
        "    if (ctx.nodeName === 'a') ctx.setTimer(1_500_000, () => { throw new Error('boom in my model'); });",
        '    return {};',
        '  },',
        '};',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 's.yaml'), 'duration: 5s\nnodes: [a, b]\nsystem:\n  model: ./throws.js\n');
    const result = await runCli(['run', join(dir, 's.yaml')]);
    expect(result.code).toBe(4);
    expect(result.out).toBe('');
    expect(result.err).toContain('the system model threw on node a at simulated time 1.500000s: boom in my model');
    expect(result.err).toMatch(/throws\.js:\d+/);
  });
});

