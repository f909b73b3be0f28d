// Worker-thread entry of the sweep benchmark's yardstick: a pure CPU loop with no I/O, no
// allocation and no messages but one per batch, which is as well as any work can scale over
// threads on this machine at this moment. Receives `{ taskCount, iterationsPerTask }` and
// answers with a checksum (so the loop cannot be optimized away).

import { parentPort } from 'node:worker_threads';
import { spinCpu } from './cpu-loop.js';

if (parentPort === null) throw new Error('cpu-loop-worker must run in a worker thread');
const port = parentPort;
port.on('message', ({ taskCount, iterationsPerTask }: { taskCount: number; iterationsPerTask: number }) => {
  let checksum = 0;
  for (let task = 0; task < taskCount; task++) checksum ^= spinCpu(iterationsPerTask, task + 1);
  port.postMessage(checksum);
});
