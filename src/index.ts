// ddsim's public API for programs and for users' own system models: the model API types, the
// scenario and result types, and functions to load and run a scenario.

export type * from './model/api.js';
export type * from './scenario/types.js';
export type { ConfigReader, NumberOptions } from './model/config-reader.js';
export type * from './result/run-result.js';
export { runScenario, ScenarioRun } from './run/run-scenario.js';
export { loadScenario, type LoadScenarioOptions } from './scenario/load-scenario.js';
export { builtinModel, builtinModelNames } from './models/registry.js';
