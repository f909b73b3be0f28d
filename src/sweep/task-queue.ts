// The worker side of the pool's protocol (src/sweep/task-batch.ts): takes batches of tasks as they
// come, runs them one at a time in arrival order (never two at once: they share the worker's
// heartbeat) and answers each with `{ index, outcome }` as soon as it is done. Used by the sweep's
// and explore's worker entries. An exception from `execute` is a bug: it is not caught, so the
// worker dies and the pool records the run as failed.

import type { MessagePort } from 'node:worker_threads';
import type { RunOutcome } from './sweep-record.js';
import type { TaskBatch, TaskDone } from './task-batch.js';

export function serveTaskBatches<Task extends { readonly index: number }>(port: MessagePort, execute: (task: Task) => Promise<RunOutcome>): void {
  const queue: Task[] = [];
  let running = false;
  const drain = async (): Promise<void> => {
    running = true;
    for (let task = queue.shift(); task !== undefined; task = queue.shift()) {
      const done: TaskDone = { index: task.index, outcome: await execute(task) };
      port.postMessage(done);
    }
    running = false;
  };
  port.on('message', (batch: TaskBatch<Task>) => {
    queue.push(...batch.tasks);
    if (!running) void drain();
  });
}
