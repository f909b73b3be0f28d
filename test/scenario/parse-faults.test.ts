import { describe, expect, test } from 'vitest';
import { load, minimal, problemsOf, where } from './scenario-test-helpers.js';

async function faultsOf(yaml: string) {
  return (await load(minimal(`faults:\n${yaml}`))).faults;
}

async function faultProblems(yaml: string) {
  return (await problemsOf(minimal(`faults:\n${yaml}`))).map((p) => [where(p), p.message, p.hint]);
}

describe('scheduled faults', () => {
  test('node actions take a name, a list or a glob', async () => {
    const faults = await faultsOf(
      [
        '  - { at: 1s, crash: "server-*", mode: silent }',
        '  - { at: 2s, restart: [server-1, server-2] }',
        '  - { at: 3s, pause: server-2 }',
        '  - { at: 4s, for: 1s, slow: server-1, factor: 3 }',
      ].join('\n'),
    );
    expect(faults.map((fault) => [fault.action, fault.label, fault.forUs])).toEqual([
      [{ kind: 'crash', nodes: ['server-1', 'server-2'], mode: 'silent' }, 'crash server-* (silent)', null],
      [{ kind: 'restart', nodes: ['server-1', 'server-2'] }, 'restart server-1, server-2', null],
      [{ kind: 'pause', nodes: ['server-2'] }, 'pause server-2', null],
      [{ kind: 'slow', nodes: ['server-1'], factor: 3 }, 'slow server-1 x3', 1_000_000],
    ]);
  });

  test('cut, heal, and link changes on a link, a node, or all links', async () => {
    const faults = await faultsOf(
      [
        '  - { at: 1s, cut: "client -> server-1" }',
        '  - { at: 2s, heal: true }',
        '  - { at: 3s, loss: 0.1, duplicate: 0.05, node: server-2 }',
        '  - { at: 4s, delay: { dist: exponential, mean: 5ms } }',
      ].join('\n'),
    );
    expect(faults.map((fault) => [fault.action, fault.label])).toEqual([
      [{ kind: 'cut', links: [{ from: 'client', to: 'server-1' }] }, 'cut client -> server-1'],
      [{ kind: 'heal' }, 'heal'],
      [
        {
          kind: 'link',
          links: null,
          node: ['server-2'],
          parameters: { latency: null, lossProbability: 0.1, extraDelay: null, duplicateProbability: 0.05 },
        },
        'loss 0.1, duplicate 0.05 on every link of server-2',
      ],
      [
        {
          kind: 'link',
          links: [{ from: '*', to: '*' }],
          node: null,
          parameters: { latency: null, lossProbability: null, extraDelay: { kind: 'exponential', meanUs: 5000 }, duplicateProbability: null },
        },
        'delay exponential(mean 5ms) on all links',
      ],
    ]);
  });

  test('an unknown node in a fault, with did-you-mean', async () => {
    expect(await faultProblems('  - { at: 1s, crash: sever-1 }')).toEqual([
      ['test.yaml:12:22 faults[0].crash', 'unknown node "sever-1"', 'did you mean `server-1`?'],
    ]);
    expect(await faultProblems('  - { at: 1s, for: 1s, loss: 0.5, link: "client <-> db-*" }')).toEqual([
      ['test.yaml:12:41 faults[0].link', 'right side "db-*" matches no node', 'nodes: client, server-1, server-2'],
    ]);
  });

  test('a fault at or after the end, and a zero `for`', async () => {
    expect(await faultProblems('  - { at: 10s, crash: server-1 }\n  - { at: 1s, for: 0s, pause: server-1 }')).toEqual([
      ['test.yaml:12:11 faults[0].at', '10s is not before the end of the run (duration 10s)', 'a fault must start before the scenario ends'],
      ['test.yaml:13:20 faults[1].for', 'must be greater than 0', 'leave `for` out for a fault that lasts to the end'],
    ]);
  });

  test('exactly one action per entry', async () => {
    expect(await faultProblems('  - { at: 1s, crash: server-1, pause: server-2 }\n  - { at: 2s }')).toEqual([
      ['test.yaml:12:5 faults[0]', 'a fault entry has one action, this one has crash and pause', 'split it into separate entries'],
      [
        'test.yaml:13:5 faults[1]',
        'a fault needs an action',
        'one of crash, restart, pause, slow, partition, cut, heal, loss, delay, duplicate, clock; or `random: {...}`',
      ],
    ]);
  });

  test('a misspelt action is an unknown key with a hint', async () => {
    const problems = await faultProblems('  - { at: 1s, crsh: server-1 }');
    expect(problems).toContainEqual(['test.yaml:12:15 faults[0].crsh', 'unknown key `crsh`', 'did you mean `crash`?']);
  });

  test('modifiers belong to their action', async () => {
    expect(await faultProblems('  - { at: 1s, pause: server-1, mode: silent }')).toEqual([
      ['test.yaml:12:38 faults[0].mode', '`mode` applies only to crash', undefined],
    ]);
  });

  test('partition groups: a node in two groups, and fewer than two groups', async () => {
    expect(await faultProblems('  - { at: 1s, partition: [[client, server-1], [server-1, server-2]] }')).toEqual([
      ['test.yaml:12:47 faults[0].partition[1]', 'node "server-1" is in two groups (1 and 2)', undefined],
    ]);
    // A node twice in one group is a typo too (it was silently accepted; issue 15, point 9).
    expect(await faultProblems('  - { at: 1s, partition: [[client, "server-*", server-1], [server-2]] }')).toEqual([
      ['test.yaml:12:48 faults[0].partition[0][2]', 'node "server-1" is twice in group 1', undefined],
    ]);
    const single = await faultProblems('  - { at: 1s, partition: [[client]] }');
    expect(single.map((p) => p[1])).toEqual(['a partition needs at least two groups']);
  });

  test('probabilities above 1 are errors', async () => {
    expect(await faultProblems('  - { at: 1s, loss: 1.5 }')).toEqual([
      ['test.yaml:12:21 faults[0].loss', 'a probability must be between 0 and 1, got 1.5', undefined],
    ]);
  });
});

describe('random faults', () => {
  test('crash defaults to every node and refuse mode', async () => {
    const scenario = await load(minimal('faults:\n  - random: { crash: { mtbf: 30s, mttr: 1s } }'));
    expect(scenario.randomFaults).toEqual([
      { kind: 'random-crash', nodes: ['client', 'server-1', 'server-2'], mtbfUs: 30_000_000, mttrUs: 1_000_000, mode: 'refuse', role: null },
    ]);
  });

  test('crash with `every: A..B` draws up times uniformly (mtbf is the range mean)', async () => {
    const scenario = await load(minimal('faults:\n  - random: { crash: { nodes: [server-1], every: 2s..4s, mttr: 1s } }'));
    expect(scenario.randomFaults).toEqual([
      { kind: 'random-crash', nodes: ['server-1'], mtbfUs: 3_000_000, everyUs: { minUs: 2_000_000, maxUs: 4_000_000 }, mttrUs: 1_000_000, mode: 'refuse', role: null },
    ]);
  });

  test('crash needs exactly one of `mtbf` and `every`, with a located error', async () => {
    expect(await faultProblems('  - random: { crash: { mtbf: 3s, every: 2s..4s, mttr: 1s } }')).toEqual([
      ['test.yaml:12:41 faults[0].random.crash.every', 'give either `mtbf` (exponential up times) or `every` (up times drawn uniformly), not both', 'remove one of them'],
    ]);
    expect(await faultProblems('  - random: { crash: { mttr: 1s } }')).toEqual([
      ['test.yaml:12:22 faults[0].random.crash', 'a random crash needs `mtbf` (the mean up time, exponential) or `every` (an up time drawn uniformly)', 'e.g. mtbf: 30s, or every: 2s..4s'],
    ]);
    expect((await faultProblems('  - random: { crash: { every: 4s..2s, mttr: 1s } }')).map((p) => p[1])).toEqual([
      'a range must not end before it starts: 4s..2s',
    ]);
  });

  test('problems in random faults are located', async () => {
    const problems = await faultProblems(
      '  - random: { partition: { every: 20s..10s, for: 1s, shape: halfs } }\n  - random: { crash: { mtbf: 0s, mttr: 1s }, partition: {} }',
    );
    expect(problems).toEqual([
      ['test.yaml:12:35 faults[0].random.partition.every', 'a range must not end before it starts: 20s..10s', 'write 10s..20s'],
      ['test.yaml:12:61 faults[0].random.partition.shape', 'expected one of isolate-one, halves, majority-minority, got "halfs"', 'did you mean `halves`?'],
      ['test.yaml:13:13 faults[1].random', 'a random fault is exactly one of crash, pause, partition; found crash and partition', 'split it into separate entries'],
    ]);
  });
});
