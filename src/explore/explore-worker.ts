// Worker-thread entry of explore runs: receives ExploreTasks one at a time and answers each with
// `{ index, outcome }`, as the sweep's worker does. Holds no state between runs.

import { parentPort } from 'node:worker_threads';
import { executeExploreTask, type ExploreTask } from './explore-task.js';

if (parentPort === null) throw new Error('explore-worker must run in a worker thread');
const port = parentPort;
port.on('message', (task: ExploreTask) => {
  void executeExploreTask(task).then((outcome) => port.postMessage({ index: task.index, outcome }));
});
