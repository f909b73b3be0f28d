// The built-in model registry: names without loading anything, each line loads the model of its
// name, an unknown name is undefined; the public API's synchronous view agrees with it.

import { describe, expect, test } from 'vitest';
import { builtinModel } from '../../src/models/all-models.js';
import { builtinModelNames, loadBuiltinModel, loadBuiltinModels } from '../../src/models/registry.js';

describe('built-in model registry', () => {
  test('names the six built-in models, sorted', () => {
    expect(builtinModelNames()).toEqual(['heartbeat', 'leader-follower', 'leaderless', 'lock', 'raft', 'request-response']);
  });

  test('each line loads the model of its name; an unknown name gives undefined', async () => {
    for (const name of builtinModelNames()) expect((await loadBuiltinModel(name))?.name).toBe(name);
    expect(await loadBuiltinModel('paxos')).toBeUndefined();
  });

  test('the synchronous public view returns the same model objects', async () => {
    const models = await loadBuiltinModels();
    expect(models.map((model) => model.name)).toEqual(builtinModelNames());
    for (const model of models) expect(builtinModel(model.name)).toBe(model);
    expect(builtinModel('paxos')).toBeUndefined();
  });
});
