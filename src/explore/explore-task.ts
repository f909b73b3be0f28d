// One explore run as a worker receives it: the generated scenario text and the path it would be
// saved at. The shape extends the sweep's task (the pool dispatches by `index`), so the sweep's
// worker pool carries explore runs unchanged.

import type { SweepTask } from '../sweep/sweep-task.js';
import type { RunOutcome } from '../sweep/sweep-record.js';
import { runScenarioText } from './run-text.js';

export interface ExploreTask extends SweepTask {
  readonly text: string;
  readonly scenarioDir: string;
}

export async function executeExploreTask(task: ExploreTask): Promise<RunOutcome> {
  const outcome = await runScenarioText({ file: task.file, text: task.text, scenarioDir: task.scenarioDir });
  return outcome!; // never null: no interruption inside a worker (the pool terminates it)
}
