// Runs sweep tasks on worker threads and reports every outcome as it arrives (in finish order,
// which varies; outcomes themselves depend only on the task). Each worker lives for the whole
// call (one sweep: it loads its modules and parses the scenario once) and is handed tasks in
// batches, the next batch before it runs out (src/sweep/task-batch.ts), so it never waits for the
// pool between runs. A worker that dies mid-run yields an error outcome for that run and is
// replaced, the rest of its batch going back to the queue, so the other runs go on (a run whose
// model callback does not return stops itself: src/run/callback-watchdog.ts). A worker whose
// entry cannot load fails the whole call at once, naming it (a replacement would fail alike). Bounded: at most
// `workerCount` threads, each holding at most two batches (one task with `oneAtATime`, explore's).

import { Worker } from 'node:worker_threads';
import { errorMessage, type SweepTask } from './sweep-task.js';
import type { RunOutcome } from './sweep-record.js';
import { batchTaskCount, type TaskBatch, type TaskDone } from './task-batch.js';

export const WORKER_COUNT_MAX = 256;

export interface PoolOptions {
  readonly workerCount: number;
  /** The worker entry; default: sweep-worker.js beside this module (or its tsx bootstrap). */
  readonly workerUrl?: URL;
  readonly onOutcome: (task: SweepTask, outcome: RunOutcome) => void;
  /** When aborted (Ctrl-C), no further outcome is reported: every worker stops and the pool resolves. */
  readonly signal?: AbortSignal;
  /**
   * One task at a time, the next when the worker has answered (no batches, nothing queued ahead):
   * runs then start in the tasks' order as far as the workers allow. For explore, which stops at
   * its first failure and needs every run before it but none after. Default: batches.
   */
  readonly oneAtATime?: boolean;
}

export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('../sweep/sweep-worker-tsx.mjs', here);
  // From the CLI bundle (dist/cli-bundle/, src/build/bundle-cli.ts): the worker bundled with it.
  return new URL(runsFromBundle(here) ? './sweep-worker.js' : '../sweep/sweep-worker.js', here);
}

/** Whether a module URL is one of the CLI bundle's files (dist/cli-bundle/). */
export function runsFromBundle(moduleUrl: string): boolean {
  return moduleUrl.includes('/cli-bundle/');
}

/** The tasks not yet handed to a worker: the plan's, after any a failed worker handed back. */
class TaskQueue {
  private next = 0;
  private readonly returned: SweepTask[] = [];

  constructor(private readonly tasks: readonly SweepTask[]) {}

  get count(): number {
    return this.returned.length + this.tasks.length - this.next;
  }

  take(count: number): SweepTask[] {
    const taken = this.returned.splice(0, count);
    while (taken.length < count && this.next < this.tasks.length) taken.push(this.tasks[this.next++]);
    return taken;
  }

  giveBack(tasks: readonly SweepTask[]): void {
    this.returned.unshift(...tasks);
  }

  clear(): void {
    this.next = this.tasks.length;
    this.returned.length = 0;
  }
}

export function runTasks(tasks: readonly SweepTask[], options: PoolOptions): Promise<void> {
  if (!(Number.isInteger(options.workerCount) && options.workerCount >= 1 && options.workerCount <= WORKER_COUNT_MAX)) {
    throw new Error(`runTasks: workerCount ${options.workerCount} outside 1..${WORKER_COUNT_MAX}`);
  }
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  const queue = new TaskQueue(tasks);
  /** Tasks a worker holds beyond the one it runs before it is sent no more. */
  const heldAhead = options.oneAtATime === true ? 0 : 1;
  let active = 0;
  const workers = new Set<Worker>();
  return new Promise<void>((resolve, reject) => {
    const aborted = (): boolean => options.signal?.aborted === true;
    const finishIfIdle = (): void => {
      if (active === 0 && queue.count === 0) resolve();
    };
    options.signal?.addEventListener('abort', () => {
      queue.clear();
      active = 0;
      for (const worker of workers) void worker.terminate();
      workers.clear();
      resolve();
    });
    const startWorker = (): void => {
      if (queue.count === 0 || aborted()) return;
      const worker = new Worker(workerUrl);
      workers.add(worker);
      active++;
      /** Handed to the worker, not yet answered, in the order it runs them: the first is running. */
      const inFlight: SweepTask[] = [];
      let settled = false;
      let answeredCount = 0;
      const retire = (): void => {
        settled = true;
        active--;
        workers.delete(worker);
        void worker.terminate();
      };
      /** Sends batches until the worker has a task beyond the one it runs, so it never waits for one. */
      const refill = (): void => {
        while (inFlight.length <= heldAhead) {
          const batch = queue.take(options.oneAtATime === true ? 1 : batchTaskCount(queue.count, options.workerCount));
          if (batch.length === 0) break;
          inFlight.push(...batch);
          const message: TaskBatch<SweepTask> = { tasks: batch };
          worker.postMessage(message);
        }
        if (inFlight.length === 0) {
          retire();
          finishIfIdle();
        }
      };
      const fail = (message: string): void => {
        if (settled || aborted()) return;
        retire();
        const task = inFlight.shift();
        queue.giveBack(inFlight.splice(0));
        try {
          if (task !== undefined) options.onOutcome(task, { kind: 'error', message, cause: 'model' }); // most likely out of memory
        } catch (error) {
          reject(error);
          return;
        }
        startWorker();
        finishIfIdle();
      };
      worker.on('message', (message: TaskDone) => {
        if (settled || aborted()) return;
        const task = inFlight.shift();
        if (task === undefined || task.index !== message.index) {
          if (task !== undefined) inFlight.unshift(task);
          fail(`worker answered run ${message.index} out of turn (expected ${task?.index ?? 'none'}): a bug in ddsim`);
          return;
        }
        answeredCount++;
        try {
          options.onOutcome(task, message.outcome);
        } catch (error) {
          retire();
          reject(error);
          return;
        }
        refill();
      });
      worker.on('error', (error) => {
        if (answeredCount === 0 && isLoadError(error) && !settled && !aborted()) {
          // Its entry cannot load: every replacement would fail alike, one per task.
          for (const other of workers) void other.terminate();
          workers.clear();
          settled = true;
          reject(new Error(`the worker entry ${workerUrl.href} could not be loaded: ${errorMessage(error)}`));
          return;
        }
        fail(`worker failed: ${errorMessage(error)}`);
      });
      worker.on('exit', (code) => fail(`worker exited with code ${code} during the run`));
      refill();
    };
    if (aborted()) {
      resolve();
      return;
    }
    const count = Math.min(options.workerCount, tasks.length);
    for (let i = 0; i < count; i++) startWorker();
    finishIfIdle();
  });
}

/** Whether a worker's error says its entry module could not be loaded (not a run's failure). */
function isLoadError(error: unknown): boolean {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || code === 'ERR_UNKNOWN_FILE_EXTENSION' || name === 'SyntaxError';
}
