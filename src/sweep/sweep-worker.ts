// Worker-thread entry of the sweep pool: receives batches of SweepTasks and answers each task with
// `{ index, outcome }` (src/sweep/task-queue.ts). Keeps, for its life (one sweep), the scenario
// files it has read and parsed: each run applies its own `--set`s and seed to a copy. Its runs
// stop themselves when a model callback does not return (src/run/callback-watchdog.ts).

import { parentPort } from 'node:worker_threads';
import { ScenarioFileCache } from '../io/scenario-file-cache.js';
import { CallbackWatchdog } from '../run/callback-watchdog.js';
import { executeTasks, type SweepTask, type TaskContext } from './sweep-task.js';
import { serveTaskGroups } from './task-queue.js';

if (parentPort === null) throw new Error('sweep-worker must run in a worker thread');
const context: TaskContext = { watchdog: new CallbackWatchdog(), files: new ScenarioFileCache() };
// A batch's scenarios are loaded first, then run one after another, short runs several to a
// guarded call (src/sweep/sweep-task.ts).
serveTaskGroups<SweepTask>(parentPort, (tasks, report) => executeTasks(tasks, context, report));
