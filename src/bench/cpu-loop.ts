// The sweep benchmark's yardstick (src/bench/sweep-bench.ts): the same number of tasks as the
// sweep, each a pure CPU loop as long as one run, split evenly over 1 or 2 worker threads
// started for the purpose. Its speed-up on 2 threads is what this machine gives at this moment;
// ddsim's sweep is measured against it. Measuring tool: wall-clock reads allowed (each marked).

import { Worker } from 'node:worker_threads';

/** xorshift32 `iterations` times from `seed`: integer work only, nothing to allocate or optimize away. */
export function spinCpu(iterations: number, seed: number): number {
  let x = seed | 0 || 1;
  for (let i = 0; i < iterations; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
  }
  return x;
}

/** Iterations of spinCpu that take about `targetMs` on this thread now. */
export function calibrateIterations(targetMs: number): number {
  const probeIterations = 20_000_000;
  spinCpu(probeIterations, 1); // warm up the JIT
  const startedMs = performance.now(); // wall-clock ok: benchmark timing
  spinCpu(probeIterations, 2);
  const elapsedMs = performance.now() - startedMs; // wall-clock ok: benchmark timing
  return Math.max(1, Math.round((probeIterations * targetMs) / elapsedMs));
}

/** Wall seconds for `taskCount` tasks over `workerCount` new threads (starting them included, as a sweep's are). */
export async function measureCpuLoop(taskCount: number, iterationsPerTask: number, workerCount: number): Promise<number> {
  const startedMs = performance.now(); // wall-clock ok: benchmark timing
  const url = new URL('./cpu-loop-worker.js', import.meta.url);
  await Promise.all(
    Array.from({ length: workerCount }, (_, k) => {
      const share = Math.floor(taskCount / workerCount) + (k < taskCount % workerCount ? 1 : 0);
      return new Promise<void>((done, fail) => {
        const worker = new Worker(url);
        worker.once('message', () => {
          void worker.terminate(); // not awaited, as the sweep's pool does not
          done();
        });
        worker.once('error', fail);
        worker.postMessage({ taskCount: share, iterationsPerTask });
      });
    }),
  );
  return (performance.now() - startedMs) / 1000; // wall-clock ok: benchmark timing
}
