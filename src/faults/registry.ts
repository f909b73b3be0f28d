// Every fault kind a scenario's `faults:` entries may use, in the order messages list them.
// A new kind: one file in kinds/ and one line here.

import type { FaultKind } from './fault-kind.js';
import { clockFault } from './kinds/clock.js';
import { crashFault } from './kinds/crash.js';
import { cutFault } from './kinds/cut.js';
import { healFault } from './kinds/heal.js';
import { linkChangeFault } from './kinds/link-change.js';
import { partitionFault } from './kinds/partition.js';
import { pauseFault } from './kinds/pause.js';
import { restartFault } from './kinds/restart.js';
import { slowFault } from './kinds/slow.js';

export const FAULT_KINDS: readonly FaultKind[] = [
  crashFault,
  restartFault,
  pauseFault,
  slowFault,
  partitionFault,
  cutFault,
  healFault,
  linkChangeFault,
  clockFault,
];

const byName = new Map(FAULT_KINDS.map((kind) => [kind.name, kind]));

export function faultKind(name: string): FaultKind | undefined {
  return byName.get(name);
}
