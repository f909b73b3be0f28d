// The public model API as a user's model sees it: the package root exports the types, the
// samplers and the model kit; ctx.sample draws from a parsed distribution; typed messages and a
// typed durable store need no casts (this file is type-checked by vitest's esbuild only, so the
// typing is also exercised by examples/ and tsc on src/ — the behaviour is what is tested here).

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DistributionSpec, SystemModel } from '../../src/index.js';
import { runScenario } from '../../src/run/run-scenario.js';
import { buildScenario } from '../builders/scenario.js';

const ROOT = path.resolve(__dirname, '../..');

interface SampleConfig {
  readonly work: DistributionSpec;
}
type Message = { readonly type: 'tick'; readonly n: number };
interface Durable {
  readonly starts: number;
}

/** Node `a` draws `count` samples and sends itself a typed message per draw; the durable counter counts starts. */
function samplingModel(count: number, samples: number[]): SystemModel<SampleConfig, null, Message, Durable> {
  return {
    name: 'sampler-probe',
    description: 'draws from ctx.sample',
    metricNames: () => ['starts'],
    parseConfig: () => ({ work: { kind: 'exponential', meanUs: 2000 } }),
    createShared: () => null,
    createNode(ctx, config) {
      if (ctx.nodeName !== 'a') return null;
      const starts = (ctx.durable.get('starts') ?? 0) + 1;
      ctx.durable.set('starts', starts);
      ctx.metrics.set('starts', starts);
      for (let n = 0; n < count; n++) samples.push(ctx.sample(config.work));
      ctx.send('a', { type: 'tick', n: 0 });
      return {
        onMessage(_from, message) {
          expect(message.type).toBe('tick');
        },
      };
    },
  };
}

describe('the public model API', () => {
  it('ctx.sample draws from a parsed distribution (exponential mean 2 ms within 4 standard errors)', () => {
    const samples: number[] = [];
    const count = 20_000;
    runScenario(
      buildScenario({
        model: samplingModel(count, samples),
        config: { work: { kind: 'exponential', meanUs: 2000 } },
        nodes: [{ name: 'a', region: null }],
        durationUs: 1_000_000,
      }),
    );
    expect(samples).toHaveLength(count);
    const mean = samples.reduce((sum, x) => sum + x, 0) / count;
    // Exponential: standard deviation = mean, so the standard error is 2000 / sqrt(20000) ≈ 14 µs.
    expect(Math.abs(mean - 2000)).toBeLessThan(4 * (2000 / Math.sqrt(count)));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
  });

  it('ctx.sample is deterministic: same seed, same draws; another seed, other draws', () => {
    const draw = (seed: number): number[] => {
      const samples: number[] = [];
      runScenario(buildScenario({ seed, model: samplingModel(5, samples), config: { work: { kind: 'exponential', meanUs: 2000 } }, nodes: [{ name: 'a', region: null }], durationUs: 1000 }));
      return samples;
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('the built package root exports the model API values and the model kit', () => {
    if (!fs.existsSync(path.join(ROOT, 'dist/index.js'))) return; // `npm test` builds first
    const script = `import('ddsim').then((m) => console.log(JSON.stringify(Object.keys(m).sort())))`;
    const names = JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' })) as string[];
    for (const name of [
      'compileSampler',
      'samplerFor',
      'startMonitor',
      'parseDetectorConfig',
      'trackDetectorQuality',
      'createKvClient',
      'KvLedger',
      'parseReplicationWorkload',
      'startPoissonArrivals',
      'FAILURE_CAUSES',
      'runScenario',
      'loadScenario',
    ]) {
      expect(names, name).toContain(name);
    }
  });
});
