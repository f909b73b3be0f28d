// The unit of a metric nobody declared (a user's model that lists plain names), derived from its
// name: times in milliseconds, ratios as percentages, everything else as a count. Declared units
// (SystemModel.metricNames, CORE_METRIC_UNITS) come first; this is only the fallback.
//   ratio: `availability`, or a last name segment ending in `fraction`, `accuracy` or `ratio`;
//   ms:    a last segment `ms` or ending in `-ms`; otherwise any segment containing the word
//          `latency`, `time`, `duration` or `delay` (words are separated by `-`), which covers
//          statistics under such a prefix (`detector.detection-time.p99`), unless the last
//          segment is `count` (the number of samples);
//   count: everything else.

import type { MetricUnit } from '../model/api.js';

const RATIO_ENDINGS = ['fraction', 'accuracy', 'ratio'];
const TIME_WORDS = new Set(['latency', 'time', 'duration', 'delay']);

/** Guesses by name, remembered: every run of a sweep asks again for the same few dozen names. */
const guessed = new Map<string, MetricUnit>();
const GUESSED_NAME_COUNT_MAX = 10_000;

export function guessMetricUnit(name: string): MetricUnit {
  let unit = guessed.get(name);
  if (unit === undefined) {
    unit = guessUnitOf(name);
    if (guessed.size < GUESSED_NAME_COUNT_MAX) guessed.set(name, unit);
  }
  return unit;
}

function guessUnitOf(name: string): MetricUnit {
  const segments = name.split('.');
  const last = segments[segments.length - 1]!;
  if (name === 'availability' || RATIO_ENDINGS.some((ending) => last.endsWith(ending))) return 'ratio';
  if (last === 'ms' || last.endsWith('-ms')) return 'ms';
  if (last === 'count') return 'count';
  const words = segments.flatMap((segment) => segment.split('-'));
  return words.some((word) => TIME_WORDS.has(word)) ? 'ms' : 'count';
}
