// The model registry: one line per model. Names are what `--model` and checkRecordedHistory accept.

import type { ModelOptions, SequentialModel } from '../model.js';
import { casRegisterModel } from './cas-register.js';
import { kvModel } from './kv.js';
import { multiRegisterModel } from './multi-register.js';
import { registerModel } from './register.js';

export type ModelName = 'register' | 'cas-register' | 'kv' | 'multi-register';

const factories: Readonly<Record<ModelName, (options: ModelOptions) => SequentialModel<any>>> = {
  register: registerModel,
  'cas-register': casRegisterModel,
  kv: kvModel,
  'multi-register': multiRegisterModel,
};

export const MODEL_NAMES: readonly ModelName[] = Object.keys(factories) as ModelName[];

export function isModelName(name: string): name is ModelName {
  return Object.hasOwn(factories, name);
}

export function createModel(name: ModelName, options: ModelOptions = {}): SequentialModel<unknown> {
  return factories[name](options);
}
