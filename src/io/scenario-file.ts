// Reads and loads a scenario file (for commands, sweep workers and the benchmark): the file system
// and the model registry meet the pure loader here. Unreadable files become located input problems
// (exit code 2). The one place besides src/cli that reads scenario files.

import { dirname, resolve } from 'node:path';
import { builtinModel, builtinModelNames } from '../models/registry.js';
import { loadScenario } from '../scenario/load-scenario.js';
import { createModelResolver } from '../scenario/resolve-model.js';
import type { Scenario } from '../scenario/types.js';
import { InputError, type InputProblem } from '../errors/input-error.js';
import { readTextFileBounded, UnreadableTextError } from './bounded-text-file.js';

/** Scenario files are hand-written: far below this. */
export const SCENARIO_FILE_BYTES_MAX = 10 * 1024 * 1024;

export interface ScenarioFileOptions {
  readonly cwd: string;
  readonly sets: readonly string[];
  readonly seed?: number;
}

const resolveModel = createModelResolver(builtinModel, builtinModelNames);

export async function loadScenarioFile(file: string, options: ScenarioFileOptions): Promise<Scenario> {
  const absolutePath = resolve(options.cwd, file);
  let text: string;
  try {
    text = readTextFileBounded(absolutePath, SCENARIO_FILE_BYTES_MAX);
  } catch (error) {
    throw new InputError([unreadableProblem(file, error)]);
  }
  return loadScenario({
    file,
    text,
    sets: options.sets,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    resolveModel,
    scenarioDir: dirname(absolutePath),
  });
}

/** Loads every file, collecting the problems of all of them before failing. */
export async function loadScenarioFiles(files: readonly string[], options: ScenarioFileOptions): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  const problems: InputProblem[] = [];
  for (const file of files) {
    try {
      scenarios.push(await loadScenarioFile(file, options));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return scenarios;
}

export function unreadableProblem(file: string, error: unknown): InputProblem {
  if (error instanceof UnreadableTextError) return { file, line: 0, column: 0, path: '', message: `cannot read the scenario: ${error.message}` };
  const code = (error as NodeJS.ErrnoException).code;
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String((error as Error).message);
  return { file, line: 0, column: 0, path: '', message: `cannot read the scenario: ${reason}`, hint: 'check the path' };
}
