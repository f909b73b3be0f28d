// Named checks usable in `expect:` (e.g. `linearizable`): pure functions over what a run
// recorded. One file per check, one line here. A model declares which it supports
// (SystemModel.checkNames), so a scenario can only ask for checks its model can feed.

import { convergedCheck } from './converged.js';
import { electionSafetyCheck } from './election-safety.js';
import { linearizableCheck } from './linearizable.js';
import { noLostWritesCheck } from './lost-writes.js';
import { noStaleWritesCheck } from './no-stale-writes.js';
import { singleLeaderCheck } from './single-leader.js';
import { stateMachineSafetyCheck } from './state-machine-safety.js';
import type { Check } from './check.js';

export type { Check, CheckOutcome } from './check.js';

const checks: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['linearizable', linearizableCheck],
  ['no-lost-writes', noLostWritesCheck],
  ['single-leader', singleLeaderCheck],
  ['converged', convergedCheck],
  ['no-stale-writes', noStaleWritesCheck],
  ['election-safety', electionSafetyCheck],
  ['state-machine-safety', stateMachineSafetyCheck],
]);

export function findCheck(name: string): Check | undefined {
  return checks.get(name);
}

export function checkNames(): readonly string[] {
  return [...checks.keys()].sort();
}
