// Explains a violation: shrinks a non-linearizable history to a small set of operations that
// cannot be ordered, and finds the point where every ordering of them fails.
// Shrinking only ever makes the history *more permissive*, so every step keeps the proof that the
// original is not linearizable: a read-only operation is dropped (it never changed the state), any
// other operation is weakened to an unknown outcome (it may have taken effect at any point after
// its call, or never). The witness is what remains definite.

import type { BudgetTracker } from './budget.js';
import type { Operation } from './history.js';
import { searchLinearization, type SearchFailure } from './linearizability.js';
import type { SequentialModel } from './model.js';

export interface Witness {
  /** The key the violation is on, for key-value histories. */
  readonly key: string | null;
  /** Operations that cannot be ordered, by call time. */
  readonly operations: readonly Operation[];
  /**
   * Other operations that may change the state, taken as of unknown outcome: the witness holds
   * whenever and whether they took effect.
   */
  readonly weakened: readonly Operation[];
  /** The operation whose completion no ordering of the witness gets past. */
  readonly failingOperation: Operation;
  /** The longest valid ordering before that completion, and the state it leaves. */
  readonly longestOrdering: readonly Operation[];
  readonly stateAfterOrdering: string;
  /** False when the shrinking budget ran out: the set is then small, but maybe not minimal. */
  readonly minimal: boolean;
}

/** States one trial search may use while shrinking. */
const TRIAL_MAX_STATES = 2_000;
/**
 * Shrinking stops after this many trials in a row ran out of their states: the searches at this
 * size are too hard for the trial budget, and the rest of the budget would go the same way (on
 * porcupine's c50-bad: 100,000 states for nothing, instead of 14,583 for the same witness).
 */
const UNKNOWN_TRIALS_IN_A_ROW_MAX = 4;

export function findWitness<State>(
  key: string | null,
  operations: readonly Operation[],
  failure: SearchFailure,
  model: SequentialModel<State>,
  budget: BudgetTracker,
): Witness {
  // No ordering gets past the failing completion, so nothing invoked later can matter.
  const cutTime = failure.operation.returnTime;
  const originalById = new Map(operations.map((operation) => [operation.id, operation]));
  let definite = operations.filter((operation) => operation.callTime <= cutTime);
  let weakened: Operation[] = [];
  let minimal = true;
  let lastFailure = failure;
  let unknownInARow = 0;

  const attempt = (without: readonly Operation[]): boolean => {
    const removed = new Set(without);
    const keep = definite.filter((operation) => !removed.has(operation));
    const newlyWeakened = without.filter((operation) => !model.readOnly(operation)).map(weaken);
    const trial = [...keep, ...weakened, ...newlyWeakened];
    const trialBudget = budget.child(TRIAL_MAX_STATES);
    const result = searchLinearization(trial, model, trialBudget, { skipIdleUnknowns: true });
    budget.addStates(trialBudget.states);
    if (result.verdict === 'unknown') minimal = false;
    unknownInARow = result.verdict === 'unknown' ? unknownInARow + 1 : 0;
    if (result.verdict !== 'not-linearizable' || !result.failure) return false;
    definite = keep;
    weakened = [...weakened, ...newlyWeakened];
    lastFailure = result.failure;
    return true;
  };

  // Delta debugging: try dropping large chunks first, then smaller ones, down to single
  // operations. Reads first: dropping them shrinks the search, weakening writes widens it.
  const reads = (): Operation[] => definite.filter((operation) => model.readOnly(operation));
  const readsThenWrites = (): Operation[] => [
    ...reads(),
    ...definite.filter((operation) => !model.readOnly(operation)),
  ];
  for (const pass of [reads, readsThenWrites]) {
    let candidates = pass();
    for (let size = Math.ceil(candidates.length / 2); size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2)) {
      for (let start = 0; start < candidates.length; ) {
        if (budget.statesLeft() === 0 || budget.timedOut() || unknownInARow >= UNKNOWN_TRIALS_IN_A_ROW_MAX) {
          minimal = false;
          break;
        }
        const chunk = candidates.slice(start, start + size);
        if (chunk.length < definite.length && attempt(chunk)) {
          const dropped = new Set(chunk);
          candidates = candidates.filter((operation) => !dropped.has(operation));
        } else {
          start += size;
        }
      }
    }
  }
  const byCall = (a: Operation, b: Operation): number => a.callTime - b.callTime || a.id - b.id;
  return {
    key,
    operations: [...definite].sort(byCall),
    weakened: weakened.map((copy) => originalById.get(copy.id) ?? copy).sort(byCall),
    failingOperation: lastFailure.operation,
    longestOrdering: lastFailure.longestOrdering,
    stateAfterOrdering: model.describeState(lastFailure.stateAfterOrdering as State),
    minimal,
  };
}

function weaken(operation: Operation): Operation {
  return { ...operation, outcome: 'unknown', output: undefined, returnTime: Infinity };
}
