// Triage: failures grouped by the expectation that failed and by the set of fault kinds in the
// (shrunk, when it was) schedule, so that forty failures of one bug are one row. Groups are in
// the order of their first run; pure.

import { failureText, type FailureSignature } from './failure.js';
import type { FaultEntry } from './fault-generators.js';
import { scheduleKinds } from './fault-entries.js';

export interface TriageInput {
  readonly index: number;
  readonly failure: FailureSignature;
  /** The shrunk schedule when there is one, else the run's. */
  readonly faults: readonly FaultEntry[];
  readonly shrunk: boolean;
  /** The file a person opens first: the minimal reproducer, else the run's. */
  readonly file: string | null;
}

export interface TriageGroup {
  readonly failure: string;
  readonly faultKinds: readonly string[];
  readonly shrunk: boolean;
  /** Run indices, ascending. */
  readonly runs: readonly number[];
  /** The first run's file and fault count. */
  readonly file: string | null;
  readonly faultCount: number;
}

export function triage(inputs: readonly TriageInput[]): TriageGroup[] {
  const groups = new Map<string, { group: Omit<TriageGroup, 'runs'>; runs: number[] }>();
  for (const input of [...inputs].sort((a, b) => a.index - b.index)) {
    const faultKinds = scheduleKinds(input.faults);
    const failure = failureText(input.failure);
    const key = JSON.stringify([failure, faultKinds, input.shrunk]);
    const existing = groups.get(key);
    if (existing !== undefined) existing.runs.push(input.index);
    else groups.set(key, { group: { failure, faultKinds, shrunk: input.shrunk, file: input.file, faultCount: input.faults.length }, runs: [input.index] });
  }
  return [...groups.values()].map(({ group, runs }) => ({ ...group, runs }));
}
