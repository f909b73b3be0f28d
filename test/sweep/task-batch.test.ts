// Batch sizes of the worker pool: 1 to BATCH_TASK_COUNT_MAX tasks, shrinking as the sweep nears
// its end so that the last runs spread over every worker.

import { describe, expect, it } from 'vitest';
import { BATCH_TASK_COUNT_MAX, batchTaskCount } from '../../src/sweep/task-batch.js';

describe('batchTaskCount', () => {
  it('is capped for long sweeps, a quarter of a worker\'s share in between, 1 near the end', () => {
    expect(batchTaskCount(10_000, 2)).toBe(BATCH_TASK_COUNT_MAX);
    expect(batchTaskCount(40, 2)).toBe(5);
    expect(batchTaskCount(12, 2)).toBe(2);
    expect(batchTaskCount(3, 2)).toBe(1);
    expect(batchTaskCount(1, 256)).toBe(1);
  });

  it('hands out every task, the last batches small, when workers take turns', () => {
    for (const [taskCount, workerCount] of [[200, 2], [37, 3], [5, 8]]) {
      const sizes: number[] = [];
      for (let remaining = taskCount; remaining > 0; ) {
        const size = Math.min(remaining, batchTaskCount(remaining, workerCount));
        expect(size).toBeGreaterThanOrEqual(1);
        expect(size).toBeLessThanOrEqual(BATCH_TASK_COUNT_MAX);
        sizes.push(size);
        remaining -= size;
      }
      expect(sizes.reduce((total, size) => total + size, 0)).toBe(taskCount);
      expect(sizes.slice(-workerCount).every((size) => size === 1)).toBe(true);
    }
  });
});
