// Runs sweep tasks on worker threads, each worker taking the next task as it finishes one, and
// reports every outcome as it arrives (in finish order, which varies; outcomes themselves depend
// only on the task). A worker that dies mid-run yields an error outcome for that run and is
// replaced, so the other runs go on; so does a worker stuck in one model callback past the run's
// limits.callback-wall (read from the heartbeat it shares with the pool): it is terminated and
// that run recorded as failed. Bounded: at most `workerCount` threads and one task each.

import { Worker } from 'node:worker_threads';
import { HEARTBEAT_BYTES, readHeartbeat } from '../sim/callback-heartbeat.js';
import { HEARTBEAT_POLL_MS, StuckCallbackDetector, stuckCallbackMessage } from '../run/stuck-callback.js';
import { errorMessage, type SweepTask } from './sweep-task.js';
import type { RunOutcome } from './sweep-record.js';

export const WORKER_COUNT_MAX = 256;

export interface PoolOptions {
  readonly workerCount: number;
  /** The worker entry; default: sweep-worker.js beside this module (or its tsx bootstrap). */
  readonly workerUrl?: URL;
  readonly onOutcome: (task: SweepTask, outcome: RunOutcome) => void;
  /** When aborted (Ctrl-C), no further outcome is reported: every worker stops and the pool resolves. */
  readonly signal?: AbortSignal;
}

/** What a sweep worker is started with. */
export interface SweepWorkerData {
  /** The worker's runs write their heartbeat here (src/sim/callback-heartbeat.ts). */
  readonly heartbeatBuffer: SharedArrayBuffer;
}

export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./sweep-worker-tsx.mjs', here) : new URL('./sweep-worker.js', here);
}

export function runTasks(tasks: readonly SweepTask[], options: PoolOptions): Promise<void> {
  if (!(Number.isInteger(options.workerCount) && options.workerCount >= 1 && options.workerCount <= WORKER_COUNT_MAX)) {
    throw new Error(`runTasks: workerCount ${options.workerCount} outside 1..${WORKER_COUNT_MAX}`);
  }
  const workerUrl = options.workerUrl ?? defaultWorkerUrl();
  let next = 0;
  let active = 0;
  const workers = new Set<Worker>();
  /** Per busy worker: looks at its heartbeat, and stops it when one callback ran past the limit. */
  const watchers = new Map<Worker, () => void>();
  let poll: ReturnType<typeof setInterval> | null = null;
  return new Promise<void>((resolvePool, rejectPool) => {
    const resolve = (): void => {
      if (poll !== null) clearInterval(poll);
      resolvePool();
    };
    const reject = (error: unknown): void => {
      if (poll !== null) clearInterval(poll);
      rejectPool(error);
    };
    const aborted = (): boolean => options.signal?.aborted === true;
    const finishIfIdle = (): void => {
      if (active === 0 && next >= tasks.length) resolve();
    };
    options.signal?.addEventListener('abort', () => {
      next = tasks.length;
      active = 0;
      for (const worker of workers) void worker.terminate();
      workers.clear();
      watchers.clear();
      resolve();
    });
    const startWorker = (): void => {
      if (next >= tasks.length || aborted()) return;
      const workerData: SweepWorkerData = { heartbeatBuffer: new SharedArrayBuffer(HEARTBEAT_BYTES) };
      const worker = new Worker(workerUrl, { workerData });
      workers.add(worker);
      active++;
      let current: SweepTask | null = null;
      let settled = false;
      const detector = new StuckCallbackDetector();
      watchers.set(worker, () => {
        if (current === null) return;
        const snapshot = readHeartbeat(workerData.heartbeatBuffer);
        if (detector.observe(snapshot, performance.now())) fail(stuckCallbackMessage(snapshot));
      });
      const dispatch = (): void => {
        if (next >= tasks.length) {
          current = null;
          settled = true;
          active--;
          workers.delete(worker);
          watchers.delete(worker);
          void worker.terminate();
          finishIfIdle();
          return;
        }
        current = tasks[next++];
        worker.postMessage(current);
      };
      const fail = (message: string): void => {
        if (settled || aborted()) return;
        settled = true;
        active--;
        workers.delete(worker);
        watchers.delete(worker);
        const task = current;
        current = null;
        void worker.terminate();
        try {
          if (task !== null) options.onOutcome(task, { kind: 'error', message, cause: 'model' }); // hung, or most likely out of memory
        } catch (error) {
          reject(error);
          return;
        }
        startWorker();
        finishIfIdle();
      };
      worker.on('message', (message: { index: number; outcome: RunOutcome }) => {
        if (current === null || message.index !== current.index || aborted()) return;
        try {
          options.onOutcome(current, message.outcome);
        } catch (error) {
          settled = true;
          void worker.terminate();
          reject(error);
          return;
        }
        dispatch();
      });
      worker.on('error', (error) => fail(`worker failed: ${errorMessage(error)}`));
      worker.on('exit', (code) => fail(`worker exited with code ${code} during the run`));
      dispatch();
    };
    if (aborted()) {
      resolve();
      return;
    }
    poll = setInterval(() => {
      for (const watch of [...watchers.values()]) watch();
    }, HEARTBEAT_POLL_MS);
    const count = Math.min(options.workerCount, tasks.length);
    for (let i = 0; i < count; i++) startWorker();
    finishIfIdle();
  });
}
