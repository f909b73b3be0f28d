// The messages between the worker pool and its workers. The pool sends tasks in batches (several
// per message, and the next batch before the worker runs out), so a worker never waits a round
// trip between runs; a worker answers each task on its own as it finishes, so every finished run
// is reported (and written as a whole line) at once, and a worker that dies or hangs loses only
// the run it was on. Workers run a batch's tasks one at a time, in order.

import type { RunOutcome } from './sweep-record.js';

/** Pool -> worker. */
export interface TaskBatch<Task> {
  readonly tasks: readonly Task[];
}

/** Worker -> pool, one per task. */
export interface TaskDone {
  readonly index: number;
  readonly outcome: RunOutcome;
}

/** No batch holds more than this: a worker that dies hands at most this many runs back to the pool. */
export const BATCH_TASK_COUNT_MAX = 16;

/**
 * Batches shrink as the sweep nears its end, so that the last runs spread over every worker
 * instead of waiting in one worker's queue (guided self-scheduling): about a quarter of each
 * worker's share of what is left, 1 to BATCH_TASK_COUNT_MAX tasks.
 */
export function batchTaskCount(remainingCount: number, workerCount: number): number {
  const share = Math.ceil(remainingCount / (workerCount * 4));
  return Math.max(1, Math.min(BATCH_TASK_COUNT_MAX, share));
}
