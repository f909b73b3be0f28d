// Order statistics over the seeds of one parameter combination: median and the 5-95 % range.
// Quantiles interpolate linearly between order statistics (the common "type 7" definition), so
// a quantile of n values is defined for any n >= 1 and equals the value itself when n = 1.

export interface Spread {
  /** Number of finite values the figures are computed from. */
  readonly count: number;
  readonly median: number | null;
  readonly p5: number | null;
  readonly p95: number | null;
}

/** `sorted` ascending, non-empty; q in [0, 1]. */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantileSorted: no values');
  if (!(q >= 0 && q <= 1)) throw new Error(`quantileSorted: q=${q} outside [0, 1]`);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  const fraction = position - below;
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

export function spreadOf(values: readonly (number | null | undefined)[]): Spread {
  const finite = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value));
  if (finite.length === 0) return { count: 0, median: null, p5: null, p95: null };
  const sorted = [...finite].sort((a, b) => a - b);
  return {
    count: sorted.length,
    median: quantileSorted(sorted, 0.5),
    p5: quantileSorted(sorted, 0.05),
    p95: quantileSorted(sorted, 0.95),
  };
}
