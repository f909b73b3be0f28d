import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/cli/errors.js';
import { load, minimal, problemsOf, where } from './scenario-test-helpers.js';

const example = readFileSync(new URL('./fixtures/retries-under-loss.yaml', import.meta.url), 'utf8');

describe('the reference example', () => {
  test('is accepted and normalized', async () => {
    const scenario = await load(example, { file: 'scenarios/retries-under-loss.yaml' });
    expect(scenario.name).toBe('retries-under-loss');
    expect(scenario.seed).toBe(1);
    expect(scenario.durationUs).toBe(60_000_000);
    expect(scenario.nodes).toEqual([
      { name: 'client', region: null },
      { name: 'server-1', region: 'eu' },
      { name: 'server-2', region: 'eu' },
      { name: 'server-3', region: 'eu' },
    ]);
    expect(scenario.regions).toEqual([
      { between: ['eu', 'us'], latency: { kind: 'normal', meanUs: 80_000, stddevUs: 5000 } },
    ]);
    expect(scenario.network).toEqual({
      latency: { kind: 'exponential', meanUs: 5000 },
      lossProbability: 0.01,
      duplicateProbability: 0,
      links: [
        { links: [{ from: 'client', to: 'server-1' }], latency: null, extraDelay: null, lossProbability: 0.2, duplicateProbability: null },
        {
          links: [
            { from: 'server-2', to: 'server-3' },
            { from: 'server-3', to: 'server-2' },
          ],
          latency: { kind: 'constant', valueUs: 50_000 },
          extraDelay: null,
          lossProbability: null,
          duplicateProbability: null,
        },
      ],
    });
    expect(scenario.system.modelName).toBe('request-response');
    expect(scenario.system.config).toMatchObject({ servers: ['server-1', 'server-2', 'server-3'], concurrency: 4, ratePerSecond: 200 });
    expect(scenario.faults.map((fault) => [fault.atUs, fault.forUs, fault.label])).toEqual([
      [10_000_000, null, 'crash server-1'],
      [15_000_000, null, 'restart server-1'],
      [20_000_000, 5_000_000, 'partition {client, server-1} | {server-2, server-3}'],
      [30_000_000, 2_000_000, 'pause server-2'],
      [35_000_000, 5_000_000, 'loss 0.5 on client <-> server-3'],
      [40_000_000, 3_000_000, 'delay 300ms on * -> server-1'],
    ]);
    expect(scenario.randomFaults).toEqual([
      { kind: 'random-crash', nodes: ['server-1', 'server-2', 'server-3'], mtbfUs: 30_000_000, mttrUs: 5_000_000, mode: 'refuse', role: null },
      {
        kind: 'random-partition',
        nodes: ['client', 'server-1', 'server-2', 'server-3'],
        everyMinUs: 10_000_000,
        everyMaxUs: 20_000_000,
        forMinUs: 1_000_000,
        forMaxUs: 3_000_000,
        shape: 'isolate-one',
      },
    ]);
    expect(scenario.expectations).toEqual([
      { kind: 'compare', text: 'availability >= 0.95', metric: 'availability', operator: '>=', value: 0.95, position: { line: 40, column: 5 } },
      { kind: 'compare', text: 'latency.p99 <= 250ms', metric: 'latency.p99', operator: '<=', value: 250, position: { line: 41, column: 5 } },
      { kind: 'compare', text: 'duplicates == 0', metric: 'duplicates', operator: '==', value: 0, position: { line: 42, column: 5 } },
    ]);
    expect(scenario.limits).toEqual({ eventCountMax: 100_000_000 });
    expect(scenario.source).toEqual({ file: 'scenarios/retries-under-loss.yaml', sets: [] });
  });
});

describe('defaults', () => {
  test('name from the file, seed 1, network 1ms constant, no faults', async () => {
    const scenario = await load(minimal(), { file: 'scenarios/basic.yaml' });
    expect(scenario.name).toBe('basic');
    expect(scenario.description).toBe('');
    expect(scenario.seed).toBe(1);
    expect(scenario.network).toEqual({ latency: { kind: 'constant', valueUs: 1000 }, lossProbability: 0, duplicateProbability: 0, links: [] });
    expect(scenario.faults).toEqual([]);
    expect(scenario.expectations).toEqual([]);
  });

  test('the seed option overrides the file', async () => {
    expect((await load(minimal('seed: 7'))).seed).toBe(7);
    expect((await load(minimal('seed: 7'), { seed: 42 })).seed).toBe(42);
  });

  test('limits.events bounds the event budget', async () => {
    expect((await load(minimal('limits: { events: 5000 }'))).limits).toEqual({ eventCountMax: 5000, pendingEventCountMax: 2_000_000 });
    expect((await load(minimal('limits: { pending-events: 70 }'))).limits).toMatchObject({ pendingEventCountMax: 70 });
    const problems = await problemsOf(minimal('limits: { events: 1e11, pending-events: 0 }'));
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['limits.events', 'must be at most 10000000000, got 100000000000'],
      ['limits.pending-events', 'must be at least 1, got 0'],
    ]);
  });
});

describe('problems are located and all reported at once', () => {
  const broken = [
    'name: broken', //                                      1
    'duration: 60s', //                                     2
    'nodes:', //                                            3
    '  - client', //                                        4
    '  - { name: server, count: 3 }', //                    5
    'network:', //                                          6
    '  latency: 5ms', //                                    7
    '  los: 0.01', //                                       8
    '  duplicate: 1.5', //                                  9
    '  links:', //                                          10
    '    - { link: "client -> db-1", loss: 0.2 }', //       11
    'system:', //                                           12
    '  model: request-response', //                         13
    '  servers: [server-1, server-2, server-3]', //         14
    '  service: 250', //                                    15
    '  concurency: 4', //                                   16
    'workload:', //                                         17
    '  clients: [client]', //                               18
    '  rate: 200/s', //                                     19
    '  timeout: -100ms', //                                 20
    'faults:', //                                           21
    '  - { at: 10s, crash: server-9 }', //                  22
    '  - { at: 70s, restart: server-1 }', //                23
    'expect:', //                                           24
    '  - availabilty >= 0.95', //                           25
  ].join('\n');

  test('every problem, with file:line:column, path, message and hint', async () => {
    const problems = await problemsOf(broken, { file: 'broken.yaml' });
    expect(problems.map(formatProblem)).toEqual([
      'broken.yaml:8:3: network.los: unknown key `los` (did you mean `loss`?)',
      'broken.yaml:9:14: network.duplicate: a probability must be between 0 and 1, got 1.5',
      'broken.yaml:11:15: network.links[0].link: right side unknown node "db-1" (nodes: client, server-1, server-2, server-3)',
      'broken.yaml:15:12: system.service: a duration needs a unit, got 250 (add a unit, e.g. 250ms)',
      'broken.yaml:16:3: system.concurency: unknown key `concurency` (did you mean `concurrency`?)',
      'broken.yaml:20:12: workload.timeout: a duration must not be negative, got -100ms',
      'broken.yaml:22:23: faults[0].crash: unknown node "server-9" (did you mean `server-1`?)',
      'broken.yaml:23:11: faults[1].at: 70s is not before the end of the run (duration 60s) (a fault must start before the scenario ends)',
      'broken.yaml:25:5: expect[0]: unknown metric "availabilty" (did you mean `availability`?)',
    ]);
  });

  test('a wrong type names what was expected and what was found', async () => {
    const problems = await problemsOf(minimal('network: { loss: high }'));
    expect(problems.map((p) => [where(p), p.message])).toEqual([
      ['test.yaml:11:18 network.loss', 'expected a probability between 0 and 1, got "high"'],
    ]);
    const concurrency = await problemsOf(minimal().replace('service: 1ms', 'service: 1ms\n  concurrency: four'));
    expect(concurrency.map((p) => [where(p), p.message])).toEqual([['test.yaml:7:16 system.concurrency', 'expected a number, got "four"']]);
  });

  test('an unknown top-level key gets a did-you-mean over the known keys', async () => {
    const problems = await problemsOf(minimal('fautls: []'));
    expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([
      ['test.yaml:11:1 fautls', 'unknown key `fautls`', 'did you mean `faults`?'],
    ]);
  });

  test('a missing required key is reported at its section', async () => {
    const problems = await problemsOf(minimal().replace('duration: 10s\n', ''));
    expect(problems.map((p) => [where(p), p.message])).toEqual([['test.yaml:1:1 duration', 'missing required key `duration`']]);
  });

  test('a bad expectation metric lists the available ones', async () => {
    const problems = await problemsOf(minimal('expect: [ "goodput > 3" ]'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 11, column: 11, path: 'expect[0]', message: 'unknown metric "goodput"' });
    expect(problems[0].hint).toMatch(/^available metrics: events, messages.sent, .*, availability, latency.p50, latency.p99, duplicates, requests$/);
  });

  test('YAML syntax errors come with their position', async () => {
    const problems = await problemsOf('duration: 10s\nnodes: [client, server\nsystem: {}\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'test.yaml', path: '' });
    expect(problems[0].message).toMatch(/^YAML syntax error: /);
    expect(problems[0].line).toBeGreaterThanOrEqual(2);
    const duplicateKey = await problemsOf('duration: 10s\nduration: 20s\n');
    expect(duplicateKey.map((p) => [where(p), p.message])).toEqual([['test.yaml:2:1 ', 'YAML syntax error: Map keys must be unique']]);
  });

  test('an empty file and a non-map file are problems, not crashes', async () => {
    expect((await problemsOf('')).map((p) => p.message)).toEqual(['the scenario is empty']);
    expect((await problemsOf('- a\n- b\n')).map((p) => p.message)).toEqual([
      'expected a map of scenario sections (name, duration, nodes, ...), got a list',
    ]);
  });
});

describe('nodes', () => {
  test('count expands to name-1..name-n; duplicates are errors', async () => {
    const problems = await problemsOf(minimal().replace('nodes: [client, { name: server, count: 2 }]', 'nodes: [client, { name: server, count: 2 }, server-2]'));
    expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([
      ['test.yaml:2:45 nodes[2]', 'duplicate node name "server-2"', 'already declared at nodes[1]'],
    ]);
  });

  test('the node count is bounded', async () => {
    const problems = await problemsOf(minimal().replace('count: 2', 'count: 10000'));
    expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([
      [
        'test.yaml:2:8 nodes',
        '10001 nodes declared; at most 10000 are supported',
        'per-node state (model instances, timeline lanes, reports) grows with the node count; link state grows only with the links used',
      ],
    ]);
  });

  test('a problem in nodes does not cascade into unknown-node problems elsewhere', async () => {
    const problems = await problemsOf(minimal().replace('{ name: server, count: 2 }', '{ name: server, count: 0 }'));
    expect(problems.map((p) => [p.path, p.message])).toEqual([['nodes[1].count', 'must be at least 1, got 0']]);
  });
});
