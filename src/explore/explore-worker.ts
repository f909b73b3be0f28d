// Worker-thread entry of explore runs: receives batches of ExploreTasks and answers each with
// `{ index, outcome }`, as the sweep's worker does (src/sweep/task-queue.ts). Holds no state
// between runs (each task carries its own generated scenario text).

import { parentPort } from 'node:worker_threads';
import { serveTaskBatches } from '../sweep/task-queue.js';
import { executeExploreTask, type ExploreTask } from './explore-task.js';

if (parentPort === null) throw new Error('explore-worker must run in a worker thread');
serveTaskBatches(parentPort, (task: ExploreTask) => executeExploreTask(task));
