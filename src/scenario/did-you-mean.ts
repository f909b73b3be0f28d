// "Did you mean ...?" suggestions for misspelt keys, node names, metrics and models: the closest
// candidate by Levenshtein distance, when it is close enough to be a plausible typo. Pure.

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The closest candidate within a typo's distance of `word`, or null. Ties go to the earlier one. */
export function closestMatch(word: string, candidates: Iterable<string>): string | null {
  const distanceMax = word.length <= 3 ? 1 : Math.max(2, Math.floor(word.length / 3));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= distanceMax ? best : null;
}

/** `did you mean \`x\`?`, or undefined when nothing is close. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = closestMatch(word, candidates);
  return match === null ? undefined : `did you mean \`${match}\`?`;
}

/** A hint naming the closest candidate if any, else listing (up to `listMax`) candidates. */
export function suggestionHint(word: string, candidates: readonly string[], what: string, listMax = 30): string | undefined {
  const close = didYouMean(word, candidates);
  if (close) return close;
  if (candidates.length === 0) return undefined;
  const shown = candidates.slice(0, listMax).join(', ');
  const more = candidates.length > listMax ? `, ... (${candidates.length - listMax} more)` : '';
  return `${what}: ${shown}${more}`;
}
