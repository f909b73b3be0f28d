import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/cli/errors.js';
import { parseSetPath } from '../../src/scenario/apply-sets.js';
import { load, minimal, problemsOf } from './scenario-test-helpers.js';

describe('--set overrides', () => {
  test('replace values, create missing maps, reach into lists; values are YAML', async () => {
    const scenario = await load(minimal('faults:\n  - { at: 1s, crash: server-1 }\n  - { at: 2s, restart: server-1 }'), {
      sets: [
        'network.loss=0.05',
        'workload.timeout=250ms',
        'faults[1].at=3s',
        'network.latency={dist: constant, value: 3ms}',
        'system.model=request-response',
        'limits.events=1000',
      ],
    });
    expect(scenario.network.lossProbability).toBe(0.05);
    expect(scenario.network.latency).toEqual({ kind: 'constant', valueUs: 3000 });
    expect(scenario.system.config).toMatchObject({ timeoutUs: 250_000 });
    expect(scenario.faults.map((fault) => fault.atUs)).toEqual([1_000_000, 3_000_000]);
    expect(scenario.limits.eventCountMax).toBe(1000);
    expect(scenario.source.sets).toHaveLength(6);
  });

  test('later sets win', async () => {
    const scenario = await load(minimal(), { sets: ['seed=3', 'seed=4'] });
    expect(scenario.seed).toBe(4);
  });

  test('a bad value is located as the --set expression, with the key path', async () => {
    const problems = await problemsOf(minimal(), {
      sets: ['network.loss=2', 'faults={at: 1s, crash: nobody}', 'network.latency={dist: normal, mean: 1ms, stdev: 1ms}'],
    });
    expect(problems.map(formatProblem)).toEqual([
      '--set network.loss=2: network.loss: a probability must be between 0 and 1, got 2',
      '--set faults={at: 1s, crash: nobody}: faults: expected a list, got a map',
      '--set network.latency={dist: normal, mean: 1ms, stdev: 1ms}: network.latency.stddev: missing required key `stddev`',
      '--set network.latency={dist: normal, mean: 1ms, stdev: 1ms}: network.latency.stdev: unknown key `stdev` (did you mean `stddev`?)',
    ]);
  });

  test('malformed expressions and impossible paths are problems', async () => {
    const problems = await problemsOf(minimal('faults: []'), {
      sets: ['network.loss', 'faults[3].at=1s', 'duration.x=1', '9lives=1', 'name=[unclosed'],
    });
    expect(problems.map(formatProblem)).toEqual([
      '--set network.loss: expected path=value (e.g. --set network.loss=0.05)',
      '--set faults[3].at=1s: faults[3].at: faults has 0 entries; there is no [3]',
      '--set duration.x=1: duration.x: duration is not a map',
      '--set 9lives=1: invalid key path "9lives", expected e.g. network.loss or faults[2].at',
      expect.stringMatching(/^--set name=\[unclosed: name: the value is not valid YAML: /),
    ]);
  });
});

test('parseSetPath', () => {
  expect(parseSetPath('network.links[0].loss')).toEqual(['network', 'links', 0, 'loss']);
  expect(parseSetPath('faults[2].at')).toEqual(['faults', 2, 'at']);
  expect(parseSetPath('a..b')).toMatch(/^invalid key path/);
});
