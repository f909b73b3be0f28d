// `system:` and `workload:` -> the model (resolved by name or path) and its own configuration,
// which the model reads through ConfigReaders so its problems are located like ours.

import { BoundExceeded, callBounded, type CallBound } from '../kernel/bounded-call.js';
import type { SystemModel } from '../model/api.js';
import { formatDuration } from '../model/describe.js';
import { isModulePath, type ModelResolver } from './resolve-model.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { stringAt } from './yaml-values.js';

export interface ParsedSystem {
  readonly modelName: string;
  readonly model: SystemModel<unknown, unknown>;
  readonly config: unknown;
}

export async function parseSystem(
  root: YamlConfigReader,
  resolveModel: ModelResolver,
  scenarioDir: string,
  /** limits.callback-wall: model code that does not return within it is stopped (a hang, not a slow model). */
  callbackWallUs: number,
): Promise<ParsedSystem | null> {
  const systemAt = root.required('system', 'e.g. { model: request-response, ... }');
  const workload = root.section('workload');
  const system = systemAt === undefined ? null : root.mapAt(systemAt);
  if (system === null) return null;
  const modelAt = system.required('model', 'a built-in model name or a path such as ./my-model.ts');
  const modelName = modelAt === undefined ? null : stringAt(root.context, modelAt);
  // Without a model, nobody knows which keys system: and workload: may have: do not finish them.
  if (modelName === null) return null;
  const model = await resolveModel(modelName, scenarioDir);
  if (typeof model === 'string') {
    system.error('model', model);
    return null;
  }
  let config: unknown;
  try {
    config = callBounded(() => model.parseConfig({ system, workload, nodeNames: root.context.topology.nodeNames }), loadingBound(modelName, callbackWallUs));
  } catch (error) {
    const reason =
      error instanceof BoundExceeded
        ? `parseConfig did not return within ${formatDuration(callbackWallUs)} (limits.callback-wall): an endless loop?`
        : error instanceof Error
          ? error.message
          : String(error);
    system.error(null, `model ${JSON.stringify(model.name)} failed while reading its configuration: ${reason}`);
    return null;
  }
  system.finish();
  workload?.finish();
  return { modelName, model, config };
}

/**
 * The bound of a model's code called while the scenario loads: limits.callback-wall for a model
 * module (a user's code), none for a built-in (ddsim's own, which returns; a wall-time bound costs
 * a watchdog thread per call, ~0.1 ms, paid by every run of a sweep).
 */
export function loadingBound(modelName: string, callbackWallUs: number): CallBound {
  return isModulePath(modelName) ? { wallMs: callbackWallUs / 1000 } : {};
}
