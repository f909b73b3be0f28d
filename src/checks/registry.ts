// Named checks usable in `expect:` (e.g. `linearizable`): pure functions over what a run
// recorded. One file per check, one line here.

import type { RecordedFacts } from './recorded-facts.js';

export interface CheckOutcome {
  readonly ok: boolean;
  /** Verdict or figure shown as "observed". */
  readonly observed: string | number;
  readonly witness?: unknown;
}

export type Check = (facts: RecordedFacts) => CheckOutcome;

const checks = new Map<string, Check>();

export function registerCheck(name: string, check: Check): void {
  checks.set(name, check);
}

export function findCheck(name: string): Check | undefined {
  return checks.get(name);
}

export function checkNames(): readonly string[] {
  return [...checks.keys()].sort();
}
