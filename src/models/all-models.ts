// The public API's synchronous view of the built-in models (src/index.ts): loads every one of them
// when first imported (top-level await), then answers builtinModel(name) without waiting. The CLI
// does not import this module; it loads only the model a scenario names (./registry.ts).

import type { SystemModel } from '../model/api.js';
import { loadBuiltinModels } from './registry.js';

export { builtinModelNames, loadBuiltinModel } from './registry.js';

const loaded: ReadonlyMap<string, SystemModel> = new Map((await loadBuiltinModels()).map((model) => [model.name, model]));

export function builtinModel(name: string): SystemModel | undefined {
  return loaded.get(name);
}
