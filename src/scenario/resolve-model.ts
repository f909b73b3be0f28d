// Finds the system model a scenario names: a built-in (from the registry, passed in so that this
// module does not import the models; the lookup may load the model on demand) or a module path
// relative to the scenario's directory.
// Module paths start with ./ ../ or /, or end in .js .mjs .ts; `.ts` files load through tsx.
// Returns the model, or a message saying why it could not be found.

import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SystemModel } from '../model/api.js';
import { suggestionHint } from './did-you-mean.js';

export type ModelResolver = (nameOrPath: string, scenarioDir: string) => Promise<SystemModel | string>;

const REQUIRED_FUNCTIONS = ['parseConfig', 'createNode', 'createShared', 'metricNames'] as const;

export function isModulePath(nameOrPath: string): boolean {
  return /^(\.{1,2}\/|\/)/.test(nameOrPath) || isAbsolute(nameOrPath) || /\.(m?js|ts|mts)$/.test(nameOrPath);
}

export function createModelResolver(
  builtin: (name: string) => SystemModel | undefined | Promise<SystemModel | undefined>,
  builtinNames: () => readonly string[],
): ModelResolver {
  return async (nameOrPath, scenarioDir) => {
    if (isModulePath(nameOrPath)) return importModel(resolve(scenarioDir, nameOrPath), nameOrPath);
    const model = await builtin(nameOrPath);
    if (model !== undefined) return model;
    const hint = suggestionHint(nameOrPath, builtinNames(), 'built-in models');
    return `unknown model ${JSON.stringify(nameOrPath)}${hint ? ` (${hint})` : ''}; a model module path starts with ./`;
  };
}

let tsxRegistration: Promise<void> | null = null;

/**
 * Lets Node import TypeScript (Node 20 cannot by itself); registers tsx's loaders once. Both: a
 * `.ts` file outside a `"type": "module"` package is loaded as CommonJS, which the ESM hook misses.
 */
function ensureTypeScriptLoader(): Promise<void> {
  tsxRegistration ??= Promise.all([import('tsx/cjs/api'), import('tsx/esm/api')]).then(([cjs, esm]) => {
    cjs.register();
    esm.register();
  });
  return tsxRegistration;
}

/** The default or `model` export; unwrapped once more for a TypeScript file loaded as CommonJS. */
function pickExport(namespace: Record<string, unknown>): unknown {
  const direct = namespace.default ?? namespace.model;
  if (typeof direct === 'object' && direct !== null && !('parseConfig' in direct) && ('default' in direct || 'model' in direct)) {
    const wrapped = direct as Record<string, unknown>;
    return wrapped.default ?? wrapped.model;
  }
  return direct;
}

async function importModel(absolutePath: string, written: string): Promise<SystemModel | string> {
  let exports: Record<string, unknown>;
  try {
    if (/\.m?ts$/.test(absolutePath)) await ensureTypeScriptLoader();
    exports = (await import(pathToFileURL(absolutePath).href)) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return `cannot load model module ${written} (${absolutePath}): ${reason}`;
  }
  const candidate = pickExport(exports);
  if (candidate === undefined) return `model module ${written} has no default export and no \`model\` export`;
  const problem = modelShapeProblem(candidate);
  return problem === null ? (candidate as SystemModel) : `model module ${written}: ${problem}`;
}

/** Why `value` is not a SystemModel, or null when it looks like one. */
export function modelShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return `the export is not a model object (got ${typeof value})`;
  const record = value as Record<string, unknown>;
  if (typeof record.name !== 'string') return 'the model has no `name` string';
  const missing = REQUIRED_FUNCTIONS.filter((name) => typeof record[name] !== 'function');
  if (missing.length > 0) return `the model lacks ${missing.map((name) => `\`${name}()\``).join(', ')}`;
  return null;
}
