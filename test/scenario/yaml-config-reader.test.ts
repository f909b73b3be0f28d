import { expect, test } from 'vitest';
import type { SystemModel } from '../../src/model/api.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';
import { fakeRequestResponseModel, load, minimal, problemsOf, where } from './scenario-test-helpers.js';

/** A model whose parseConfig is `read`, to exercise the reader the way a model does. */
function withModel(read: SystemModel['parseConfig']) {
  const model: SystemModel = { ...fakeRequestResponseModel, parseConfig: read };
  return { resolveModel: createModelResolver(() => model, () => ['custom']) };
}

const scenario = (system: string) => `duration: 10s\nnodes: [a, b, { name: s, count: 2 }]\nsystem:\n  model: custom\n${system}`;

test('a model section: unknown keys get a did-you-mean over the keys the model asked for', async () => {
  const options = withModel(({ system }) => {
    system.has('replicas');
    return { leader: system.nodeName('leader', { default: 'a' }) };
  });
  const problems = await problemsOf(scenario('  replica: 3\n  leadr: b\n'), options);
  expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([
    ['test.yaml:5:3 system.replica', 'unknown key `replica`', 'did you mean `replicas`?'],
    ['test.yaml:6:3 system.leadr', 'unknown key `leadr`', 'did you mean `leader`?'],
  ]);
});

test('raw values, nested sections, node names and globs, rates and booleans', async () => {
  const options = withModel(({ system, nodeNames }) => {
    const tuning = system.section('tuning');
    const config = {
      raw: system.raw('shape'),
      leader: system.nodeName('leader'),
      replicas: system.nodeNames('replicas'),
      ratePerSecond: tuning?.ratePerSecond('rate'),
      fast: tuning?.boolean('fast', { default: false }),
      nodeNames,
    };
    tuning?.finish();
    return config;
  });
  const loaded = await load(
    scenario('  shape: { x: [1, 2] }\n  leader: a\n  replicas: "s-*"\n  tuning: { rate: 30/m, fast: true }\n'),
    options,
  );
  expect(loaded.system.config).toEqual({
    raw: { x: [1, 2] },
    leader: 'a',
    replicas: ['s-1', 's-2'],
    ratePerSecond: 0.5,
    fast: true,
    nodeNames: ['a', 'b', 's-1', 's-2'],
  });
});

test('errors a model reports through the reader are located like ours', async () => {
  const options = withModel(({ system }) => {
    const leader = system.nodeName('leader');
    if (leader === 'b') system.error('leader', 'b cannot lead', 'pick a');
    system.nodeName('follower');
    return {};
  });
  const problems = await problemsOf(scenario('  leader: b\n  follower: "s-*"\n'), options);
  expect(problems.map((p) => [where(p), p.message, p.hint])).toEqual([
    ['test.yaml:5:11 system.leader', 'b cannot lead', 'pick a'],
    ['test.yaml:6:13 system.follower', 'expected one node name, got the pattern "s-*"', undefined],
  ]);
});

test('a model that throws while reading is a problem, not a crash', async () => {
  const options = withModel(() => {
    throw new Error('boom');
  });
  const problems = await problemsOf(scenario(''), options);
  expect(problems.map((p) => [where(p), p.message])).toEqual([
    ['test.yaml:4:3 system', 'model "request-response" failed while reading its configuration: boom'],
  ]);
});

test('YAML aliases are followed', async () => {
  const loaded = await load(minimal('network:\n  latency: &fast { dist: constant, value: 2ms }\n  links:\n    - { link: "client -> server-1", latency: *fast }'));
  expect(loaded.network.links[0].latency).toEqual({ kind: 'constant', valueUs: 2000 });
});

test('a link entry must change something; the duration is bounded', async () => {
  const problems = await problemsOf(minimal('network:\n  links: [ { link: "client -> server-1" } ]').replace('duration: 10s', 'duration: 31d'));
  expect(problems.map((p) => [where(p), p.message])).toEqual([
    ['test.yaml:1:11 duration', 'expected a duration such as 250ms, got "31d"'],
    ['test.yaml:12:12 network.links[0]', 'a link entry changes nothing'],
  ]);
  const tooLong = await problemsOf(minimal().replace('duration: 10s', 'duration: 744h'));
  expect(tooLong.map((p) => p.message)).toEqual(['must be at most 720h, got 744h']);
});
