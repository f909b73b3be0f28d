// Delta debugging and the round-value searches, on synthetic predicates.

import { describe, expect, it } from 'vitest';
import { ddmin, removeOneAtATime, splitInto } from '../../src/explore/ddmin.js';
import { roundValuesBelow, smallestFailing } from '../../src/explore/ladder.js';

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** Fails exactly when both of `needed` are present; counts the questions asked. */
function needs(needed: readonly string[]) {
  const asked: string[] = [];
  const fails = async (subset: readonly string[]): Promise<boolean> => {
    asked.push(subset.join(''));
    return needed.every((item) => subset.includes(item));
  };
  return { fails, asked };
}

describe('ddmin', () => {
  it('finds exactly {a, c} when the failure needs a and c out of a..h', async () => {
    const { fails, asked } = needs(['a', 'c']);
    const found = await ddmin(LETTERS, fails);
    expect(found).toEqual(['a', 'c']);
    expect(asked.length).toBeLessThanOrEqual(30);
  });

  it('keeps the order of the items and finds a single culprit in a few questions', async () => {
    const { fails, asked } = needs(['f']);
    expect(await ddmin(LETTERS, fails)).toEqual(['f']);
    expect(asked.length).toBeLessThanOrEqual(8);
  });

  it('asks the same questions in the same order every time (deterministic)', async () => {
    const first = needs(['b', 'g', 'h']);
    const second = needs(['b', 'g', 'h']);
    expect(await ddmin(LETTERS, first.fails)).toEqual(['b', 'g', 'h']);
    await ddmin(LETTERS, second.fails);
    expect(second.asked).toEqual(first.asked);
  });

  it('returns a 1-minimal list when the predicate is not monotone', async () => {
    // Fails with {a, b} or with {c, d, e}, but not when all five are present together with h.
    const fails = async (subset: readonly string[]): Promise<boolean> =>
      !subset.includes('h') && ((subset.includes('a') && subset.includes('b')) || ['c', 'd', 'e'].every((x) => subset.includes(x)));
    const found = await ddmin(['a', 'b', 'c', 'd', 'e', 'f', 'g'], fails);
    expect(await fails(found)).toBe(true);
    for (let i = 0; i < found.length; i++) expect(await fails(found.filter((_, j) => j !== i))).toBe(false);
  });

  it('one at a time also tries the empty list (a failure that needs no fault at all)', async () => {
    expect(await removeOneAtATime(['x'], async () => true)).toEqual([]);
    expect(await removeOneAtATime(['x', 'y'], async (subset) => subset.includes('y'))).toEqual(['y']);
  });

  it('splits into nearly equal chunks in order', () => {
    expect(splitInto(LETTERS, 3)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g', 'h']]);
    expect(splitInto(['a', 'b'], 4)).toEqual([['a'], ['b']]);
  });
});

describe('round values and the binary search over them', () => {
  it('offers 1, 2, 3, 5, 7 times powers of ten below the current value, above the floor', () => {
    expect(roundValuesBelow(100, 1)).toEqual([1, 2, 3, 5, 7, 10, 20, 30, 50, 70]);
    expect(roundValuesBelow(6_000_000, 1000, 1000).slice(-3)).toEqual([2_000_000, 3_000_000, 5_000_000]);
    expect(roundValuesBelow(2500, 0, 1000)).toEqual([0, 1000, 2000]);
    expect(roundValuesBelow(0, 0, 1000)).toEqual([]);
  });

  it('finds the smallest failing value in log time when failing is monotone', async () => {
    const values = roundValuesBelow(10_000, 1);
    let asked = 0;
    const found = await smallestFailing(values, async (v) => {
      asked++;
      return v >= 300;
    });
    expect(found).toBe(300);
    expect(asked).toBeLessThanOrEqual(Math.ceil(Math.log2(values.length)) + 1);
    expect(await smallestFailing(values, async () => false)).toBeNull();
  });
});
