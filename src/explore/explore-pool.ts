// Explore runs on the sweep's worker pool (src/sweep/worker-pool.ts), with explore's own worker
// entry. The pool is typed for sweep tasks; an ExploreTask is one (it adds the scenario text), and
// the outcome a worker sends back is the same RunOutcome. With no workers (`--workers 0`) the runs
// go one at a time in this process instead: the same outcomes, without starting threads (for
// debugging a model, and for quick tests).

import type { RunOutcome } from '../sweep/sweep-record.js';
import { runsFromBundle, runTasks } from '../sweep/worker-pool.js';
import type { ExploreTask } from './explore-task.js';
import { runScenarioText } from './run-text.js';

export interface ExplorePoolOptions {
  /** 0: in this process, one run at a time. */
  readonly workerCount: number;
  readonly onOutcome: (task: ExploreTask, outcome: RunOutcome) => void;
  /** Aborted: no further outcome is reported, every worker stops. */
  readonly signal: AbortSignal;
  /** Tests substitute a worker entry. */
  readonly workerUrl?: URL;
}

export function defaultExploreWorkerUrl(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('../explore/explore-worker-tsx.mjs', here);
  // From the CLI bundle (dist/cli-bundle/, src/build/bundle-cli.ts): the worker bundled with it.
  return new URL(runsFromBundle(here) ? './explore-worker.js' : '../explore/explore-worker.js', here);
}

export function runExploreTasks(tasks: readonly ExploreTask[], options: ExplorePoolOptions): Promise<void> {
  if (options.workerCount === 0) return runInProcess(tasks, options);
  const byIndex = new Map(tasks.map((task) => [task.index, task]));
  return runTasks(tasks, {
    workerCount: options.workerCount,
    workerUrl: options.workerUrl ?? defaultExploreWorkerUrl(),
    signal: options.signal,
    oneAtATime: true, // explore stops at its first failure: runs must start in index order, not in batches
    onOutcome: (task, outcome) => options.onOutcome(byIndex.get(task.index)!, outcome),
  });
}

async function runInProcess(tasks: readonly ExploreTask[], options: ExplorePoolOptions): Promise<void> {
  for (const task of tasks) {
    if (options.signal.aborted) return;
    const outcome = await runScenarioText(task, { interrupted: () => options.signal.aborted });
    if (outcome === null || options.signal.aborted) return;
    options.onOutcome(task, outcome);
  }
}
