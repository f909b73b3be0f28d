// Built-in system models: one line each, a name and how to load it. Loaded on first use, so that
// `ddsim run` of a request-response scenario does not load the raft model (start-up time: each
// model is a dozen modules). The CLI and sweep workers use loadBuiltinModel; the public API's
// synchronous builtinModel(name) is in ./all-models.ts, which loads them all.

import type { SystemModel } from '../model/api.js';

type ModelLoader = () => Promise<SystemModel<any, any>>;

const builtins: ReadonlyMap<string, ModelLoader> = new Map<string, ModelLoader>([
  ['request-response', async () => (await import('./request-response/index.js')).requestResponseModel],
  ['leader-follower', async () => (await import('./leader-follower/index.js')).leaderFollowerModel],
  ['leaderless', async () => (await import('./leaderless/index.js')).leaderlessModel],
  ['heartbeat', async () => (await import('./heartbeat/index.js')).heartbeatModel],
  ['lock', async () => (await import('./lock/index.js')).lockModel],
  ['raft', async () => (await import('./raft/index.js')).raftModel],
]);

export function builtinModelNames(): readonly string[] {
  return [...builtins.keys()].sort();
}

/** The built-in model called `name`, loaded now (once: modules are cached), or undefined. */
export async function loadBuiltinModel(name: string): Promise<SystemModel | undefined> {
  const load = builtins.get(name);
  if (load === undefined) return undefined;
  const model = await load();
  if (model.name !== name) throw new Error(`the registry line "${name}" loads the model "${model.name}"`);
  return model as SystemModel;
}

/** Every built-in model, in name order. */
export function loadBuiltinModels(): Promise<SystemModel[]> {
  return Promise.all(builtinModelNames().map(async (name) => (await loadBuiltinModel(name))!));
}
