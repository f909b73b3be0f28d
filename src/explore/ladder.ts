// Shorter values to try when shrinking a duration or a rate: the round numbers 1, 2, 3, 5, 7 times
// a power of ten below the current value (so a shrunk scenario reads `for: 500ms`, not
// `for: 487ms`), and a binary search over them for the smallest that still fails. Failing is not
// always monotone in a fault's length or start; the search then ends at some failing value, which
// is all a reproducer needs.

const MANTISSAS = [1, 2, 3, 5, 7];

/** Round values v with floor <= v < current, ascending (`floor` itself first when it is 0). */
export function roundValuesBelow(current: number, floor: number, unit = 1): number[] {
  const values: number[] = floor === 0 && current > 0 ? [0] : [];
  for (let power = unit; power < current; power *= 10) {
    for (const mantissa of MANTISSAS) {
      const value = mantissa * power;
      if (value >= current) return values;
      if (value >= floor && value > 0) values.push(value);
    }
  }
  return values;
}

/** The smallest candidate (ascending) for which `fails` holds, by binary search; null when none does. */
export async function smallestFailing(candidates: readonly number[], fails: (value: number) => Promise<boolean>): Promise<number | null> {
  let low = 0;
  let high = candidates.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    if (await fails(candidates[middle]!)) {
      found = candidates[middle]!;
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found;
}
