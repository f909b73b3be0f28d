// Reading and changing `faults:` entries as plain YAML data (generated or hand-written): their
// start and length, their kinds as triage names them, and one-line text for reports. The keys of
// an entry keep their written order, so a changed entry reads like the original.

import { FAULT_KINDS } from '../faults/registry.js';
import { formatDuration } from '../model/describe.js';
import { parseDurationUs } from '../scenario/units.js';
import type { FaultEntry } from './fault-generators.js';
import { flowText } from './flow-text.js';

/** A duration as a scenario writes it: `0s`, `450ms`, `8.123s`. */
export function durationText(us: number): string {
  return us === 0 ? '0s' : formatDuration(us);
}

/** A value of `at:` or `for:` in microseconds; null when absent or not a duration. */
export function entryDurationUs(entry: FaultEntry, key: 'at' | 'for'): number | null {
  if (!(key in entry)) return null;
  const parsed = parseDurationUs(entry[key]);
  return parsed.ok ? parsed.value : null;
}

export function withDuration(entry: FaultEntry, key: 'at' | 'for', us: number): FaultEntry {
  return { ...entry, [key]: durationText(us) };
}

/**
 * The kinds of an entry as triage groups them: the key of a link change (`loss`, `delay`), the
 * kind's name otherwise (`partition`), `random-crash` for a random process.
 */
export function entryKinds(entry: FaultEntry): string[] {
  const random = entry['random'];
  if (random !== null && typeof random === 'object') return Object.keys(random).map((key) => `random-${key}`);
  for (const kind of FAULT_KINDS) {
    const present = kind.keys.filter((key) => key in entry);
    if (present.length > 0) return kind.keys.length > 1 ? present : [kind.name];
  }
  return ['unknown'];
}

/** The sorted, distinct kinds of a schedule. */
export function scheduleKinds(faults: readonly FaultEntry[]): string[] {
  return [...new Set(faults.flatMap(entryKinds))].sort();
}

/** The entry as one line, as it is written in the file. */
export function faultText(entry: FaultEntry): string {
  return flowText(entry);
}
