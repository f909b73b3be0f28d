// What a named check is: a pure function from what a run recorded to a verdict with a witness.

import type { TimelineMark } from '../result/run-result.js';
import type { RecordedFacts } from '../model/facts.js';

export interface CheckOutcome {
  readonly ok: boolean;
  /** Verdict or figure shown as "observed". */
  readonly observed: string | number;
  readonly witness?: unknown;
  /** Moments of the violation to mark on the timeline. */
  readonly marks?: readonly TimelineMark[];
}

export type Check = (facts: RecordedFacts) => CheckOutcome;
