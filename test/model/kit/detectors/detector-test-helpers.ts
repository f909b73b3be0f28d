// Builders for detector tests: load a heartbeat scenario from YAML text with the built-in models,
// and run it.

import { InputError, type InputProblem } from '../../../../src/cli/errors.js';
import { builtinModelNames, loadBuiltinModel } from '../../../../src/models/registry.js';
import { runScenario } from '../../../../src/run/run-scenario.js';
import type { RunResult } from '../../../../src/result/run-result.js';
import { loadScenario } from '../../../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../../../src/scenario/resolve-model.js';
import type { Scenario } from '../../../../src/scenario/types.js';

const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);

export function loadYaml(text: string): Promise<Scenario> {
  return loadScenario({ file: 'test.yaml', text, resolveModel });
}

export async function runYaml(text: string): Promise<RunResult> {
  return runScenario(await loadYaml(text));
}

export async function problemsOf(text: string): Promise<readonly InputProblem[]> {
  try {
    await loadYaml(text);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

/** A heartbeat scenario: `body` is YAML appended at the top level (system:, network:, faults:). */
export function heartbeatYaml(options: { nodes?: string; duration?: string; seed?: number; body: string }): string {
  return [
    `seed: ${options.seed ?? 1}`,
    `duration: ${options.duration ?? '60s'}`,
    `nodes: ${options.nodes ?? '[a, b]'}`,
    options.body,
  ].join('\n');
}
