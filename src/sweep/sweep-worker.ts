// Worker-thread entry of the sweep pool: receives SweepTasks one at a time and answers each with
// `{ index, outcome }`. Holds no state between runs (every run loads its scenario afresh); its
// runs write their heartbeat into the buffer the pool watches for hung callbacks.

import { parentPort, workerData } from 'node:worker_threads';
import { CallbackHeartbeat } from '../sim/callback-heartbeat.js';
import { executeTask, type SweepTask } from './sweep-task.js';
import type { SweepWorkerData } from './worker-pool.js';

if (parentPort === null) throw new Error('sweep-worker must run in a worker thread');
const port = parentPort;
const heartbeat = new CallbackHeartbeat((workerData as SweepWorkerData).heartbeatBuffer);
port.on('message', (task: SweepTask) => {
  void executeTask(task, heartbeat).then((outcome) => port.postMessage({ index: task.index, outcome }));
});
