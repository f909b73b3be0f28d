import { describe, expect, it } from 'vitest';
import { quantileSorted, spreadOf } from '../../src/sweep/statistics.js';

describe('spread across seeds', () => {
  it('interpolates quantiles between order statistics', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21];
    expect(quantileSorted(sorted, 0.5)).toBe(11);
    expect(quantileSorted(sorted, 0.05)).toBe(2);
    expect(quantileSorted(sorted, 0.95)).toBe(20);
    expect(quantileSorted([1, 2], 0.5)).toBe(1.5);
  });

  it('skips values that could not be computed, in any order', () => {
    expect(spreadOf([3, null, 1, 2])).toEqual({ count: 3, median: 2, p5: 1.1, p95: 2.9 });
    expect(spreadOf([null])).toEqual({ count: 0, median: null, p5: null, p95: null });
    expect(spreadOf([7])).toEqual({ count: 1, median: 7, p5: 7, p95: 7 });
  });
});
