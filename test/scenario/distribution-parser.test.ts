import { describe, expect, test } from 'vitest';
import { NORMAL_QUANTILE_P99 } from '../../src/scenario/distribution-parser.js';
import { load, minimal, problemsOf, where } from './scenario-test-helpers.js';

/** The network's default latency as loaded from `latency: <text>`. */
async function latency(text: string) {
  const scenario = await load(minimal(`network:\n  latency: ${text}`));
  return scenario.network.latency;
}

describe('distributions', () => {
  test('a bare duration is a constant', async () => {
    expect(await latency('5ms')).toEqual({ kind: 'constant', valueUs: 5000 });
    expect(await latency('{ dist: constant, value: 300ms }')).toEqual({ kind: 'constant', valueUs: 300_000 });
  });

  test('uniform, normal, exponential, pareto', async () => {
    expect(await latency('{ dist: uniform, min: 1ms, max: 3ms }')).toEqual({ kind: 'uniform', minUs: 1000, maxUs: 3000 });
    expect(await latency('{ dist: normal, mean: 80ms, stddev: 5ms }')).toEqual({ kind: 'normal', meanUs: 80_000, stddevUs: 5000 });
    expect(await latency('{ dist: exponential, mean: 2ms }')).toEqual({ kind: 'exponential', meanUs: 2000 });
    expect(await latency('{ dist: pareto, scale: 1ms, shape: 1.5 }')).toEqual({ kind: 'pareto', scaleUs: 1000, shape: 1.5 });
  });

  test('lognormal from median and p99 is in ln(microseconds)', async () => {
    const spec = await latency('{ dist: lognormal, median: 10ms, p99: 100ms }');
    expect(spec.kind).toBe('lognormal');
    if (spec.kind !== 'lognormal') return;
    expect(spec.mu).toBeCloseTo(Math.log(10_000), 12);
    expect(spec.sigma).toBeCloseTo(Math.log(10) / NORMAL_QUANTILE_P99, 12);
    // The 99th percentile comes back out: exp(mu + z99 * sigma) = 100ms.
    expect(Math.exp(spec.mu + NORMAL_QUANTILE_P99 * spec.sigma)).toBeCloseTo(100_000, 6);
  });

  test('lognormal mu/sigma are written for milliseconds and shifted to microseconds', async () => {
    const spec = await latency('{ dist: lognormal, mu: 2, sigma: 0.5 }');
    expect(spec).toEqual({ kind: 'lognormal', mu: 2 + Math.log(1000), sigma: 0.5 });
  });

  test('mixture weights are normalized, and mixtures nest', async () => {
    const spec = await latency(
      '{ dist: mixture, of: [ { weight: 3, dist: constant, value: 1ms }, ' +
        '{ weight: 1, dist: mixture, of: [ { weight: 1, dist: exponential, mean: 10ms } ] } ] }',
    );
    expect(spec).toEqual({
      kind: 'mixture',
      components: [
        { weight: 0.75, dist: { kind: 'constant', valueUs: 1000 } },
        { weight: 0.25, dist: { kind: 'mixture', components: [{ weight: 1, dist: { kind: 'exponential', meanUs: 10_000 } }] } },
      ],
    });
  });
});

describe('distribution problems', () => {
  const cases: [string, string, string][] = [
    ['{ dist: normal, mean: 5ms, stddev: -1ms }', 'network.latency.stddev', 'a duration must not be negative, got -1ms'],
    ['{ dist: lognormal, median: 10ms, p99: 5ms }', 'network.latency.p99', 'must be greater than median'],
    ['{ dist: pareto, scale: 1ms, shape: 0 }', 'network.latency.shape', 'must be greater than 0'],
    ['{ dist: uniform, min: 3ms, max: 1ms }', 'network.latency.max', 'must not be less than min'],
    ['{ dist: mixture, of: [ { weight: 0, dist: constant, value: 1ms } ] }', 'network.latency.of[0].weight', 'must be greater than 0'],
    ['{ dist: gaussian, mean: 5ms }', 'network.latency.dist', 'expected one of constant, uniform, normal, exponential, lognormal, pareto, mixture, got "gaussian"'],
    ['{ dist: exponential, mena: 5ms }', 'network.latency.mean', 'missing required key `mean`'],
    ['{ dist: lognormal, median: 1ms, sigma: 1 }', 'network.latency', 'a lognormal takes either median and p99, or mu and sigma, not both'],
  ];
  test.each(cases)('%s', async (text, path, message) => {
    const problems = await problemsOf(minimal(`network:\n  latency: ${text}`));
    expect(problems.map((p) => [p.path, p.message])).toContainEqual([path, message]);
  });

  test('a misspelt parameter is an unknown key with a hint', async () => {
    const problems = await problemsOf(minimal('network:\n  latency: { dist: exponential, mean: 5ms, meen: 2ms }'));
    expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([
      ['test.yaml:12:44 network.latency.meen', 'unknown key `meen`', 'did you mean `mean`?'],
    ]);
  });
});
