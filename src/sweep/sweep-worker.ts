// Worker-thread entry of the sweep pool: receives batches of SweepTasks and answers each task with
// `{ index, outcome }` (src/sweep/task-queue.ts). Keeps, for its life (one sweep), the scenario
// files it has read and parsed: each run applies its own `--set`s and seed to a copy. Its runs
// write their heartbeat into the buffer the pool watches for hung callbacks.

import { parentPort, workerData } from 'node:worker_threads';
import { ScenarioFileCache } from '../io/scenario-file-cache.js';
import { CallbackHeartbeat } from '../sim/callback-heartbeat.js';
import { executeTask, type SweepTask, type TaskContext } from './sweep-task.js';
import { serveTaskBatches } from './task-queue.js';
import type { SweepWorkerData } from './worker-pool.js';

if (parentPort === null) throw new Error('sweep-worker must run in a worker thread');
const context: TaskContext = { heartbeat: new CallbackHeartbeat((workerData as SweepWorkerData).heartbeatBuffer), files: new ScenarioFileCache() };
serveTaskBatches(parentPort, (task: SweepTask) => executeTask(task, context));
