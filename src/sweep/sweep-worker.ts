// Worker-thread entry of the sweep pool: receives SweepTasks one at a time and answers each with
// `{ index, outcome }`. Holds no state between runs (every run loads its scenario afresh).

import { parentPort } from 'node:worker_threads';
import { executeTask, type SweepTask } from './sweep-task.js';

if (parentPort === null) throw new Error('sweep-worker must run in a worker thread');
const port = parentPort;
port.on('message', (task: SweepTask) => {
  void executeTask(task).then((outcome) => port.postMessage({ index: task.index, outcome }));
});
