// Delta debugging (Zeller and Hildebrandt, "Simplifying and isolating failure-inducing input",
// 2002): the ddmin search for a 1-minimal subset of `items` that still fails. The list is split
// into n chunks; a failing chunk replaces it (n back to 2), else a failing complement does
// (n - 1), else n doubles until it reaches the list's length. Ends 1-minimal: removing any single
// item makes the failure disappear. Deterministic: candidates are tried in a fixed order, items
// keep their order. `fails` is asked about each candidate at most once per call (callers cache).

export type FailurePredicate<T> = (candidate: readonly T[]) => Promise<boolean>;

export async function ddmin<T>(items: readonly T[], fails: FailurePredicate<T>): Promise<T[]> {
  let current = [...items];
  let granularity = 2;
  while (current.length >= 2) {
    const chunks = splitInto(current, granularity);
    const chunk = await firstFailing(chunks, fails);
    if (chunk !== null) {
      current = chunk;
      granularity = 2;
      continue;
    }
    const complements = chunks.length === 2 ? [] : chunks.map((_, i) => chunks.filter((__, j) => j !== i).flat());
    const complement = await firstFailing(complements, fails);
    if (complement !== null) {
      current = complement;
      granularity = Math.max(granularity - 1, 2);
      continue;
    }
    if (granularity >= current.length) break;
    granularity = Math.min(current.length, granularity * 2);
  }
  return current;
}

/** Then one at a time: drops each item whose removal still fails (which also tries the empty list). */
export async function removeOneAtATime<T>(items: readonly T[], fails: FailurePredicate<T>): Promise<T[]> {
  let current = [...items];
  for (let i = current.length - 1; i >= 0; i--) {
    const without = [...current.slice(0, i), ...current.slice(i + 1)];
    if (await fails(without)) current = without;
  }
  return current;
}

/** `n` chunks of nearly equal size, in order (the first ones one item longer). */
export function splitInto<T>(items: readonly T[], n: number): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const size = Math.floor(items.length / n) + (i < items.length % n ? 1 : 0);
    chunks.push(items.slice(start, start + size));
    start += size;
  }
  return chunks.filter((chunk) => chunk.length > 0);
}

async function firstFailing<T>(candidates: readonly T[][], fails: FailurePredicate<T>): Promise<T[] | null> {
  for (const candidate of candidates) if (await fails(candidate)) return candidate;
  return null;
}
