// The worker side of the pool's protocol (src/sweep/task-batch.ts): takes batches of tasks as they
// come, runs them one at a time in arrival order (never two at once: they share the worker's
// heartbeat) and answers each with `{ index, outcome }` as soon as it is done. Used by the sweep's
// and explore's worker entries. An exception from `execute` is a bug: it is not caught, so the
// worker dies and the pool records the run as failed.

import type { MessagePort } from 'node:worker_threads';
import type { RunOutcome } from './sweep-record.js';
import type { TaskBatch, TaskDone } from './task-batch.js';

export function serveTaskBatches<Task extends { readonly index: number }>(port: MessagePort, execute: (task: Task) => Promise<RunOutcome>): void {
  serveTaskGroups<Task>(port, async (tasks, report) => {
    for (const task of tasks) report(task, await execute(task));
  });
}

/**
 * serveTaskBatches for a worker that carries out several tasks at once (the sweep's: it loads
 * them, then runs short ones several to a guarded call): `executeAll` gets every task queued so
 * far and must report each, in order, as it finishes; each report is answered at once.
 */
export function serveTaskGroups<Task extends { readonly index: number }>(
  port: MessagePort,
  executeAll: (tasks: readonly Task[], report: (task: Task, outcome: RunOutcome) => void) => Promise<void>,
): void {
  const queue: Task[] = [];
  let running = false;
  const report = (task: Task, outcome: RunOutcome): void => {
    const done: TaskDone = { index: task.index, outcome };
    port.postMessage(done);
  };
  const drain = async (): Promise<void> => {
    running = true;
    while (queue.length > 0) await executeAll(queue.splice(0), report);
    running = false;
  };
  port.on('message', (batch: TaskBatch<Task>) => {
    queue.push(...batch.tasks);
    if (!running) void drain();
  });
}
