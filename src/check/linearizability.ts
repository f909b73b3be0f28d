// The search: Wing & Gong's algorithm with Lowe's memoization of (set of linearized operations,
// model state), as in porcupine. Operations sit in a time-ordered doubly linked list of call and
// return entries; the search linearizes the first call it can, backtracks on reaching a return
// whose operation it has not linearized, and never revisits a (set, state) pair.
// Checks one partition (one key); knows nothing of keys, files or witnesses.

import { assert } from '../model/assert.js';
import type { BudgetTracker } from './budget.js';
import type { Operation } from './history.js';
import { operationCode } from './linearized-memo.js';
import type { SequentialModel } from './model.js';
import { stateNumbering } from './state-interner.js';
import { giveBack, takeMemo, takeTransitions } from './search-tables.js';
import { NOT_STEPPED, STEP_INVALID } from './transition-table.js';

export type Verdict = 'linearizable' | 'not-linearizable' | 'unknown';

export interface SearchResult {
  readonly verdict: Verdict;
  /** Distinct (linearized set, state) pairs visited. */
  readonly statesExplored: number;
  /** For a violation: the deepest point any ordering reached before failing. */
  readonly failure?: SearchFailure;
}

export interface SearchFailure {
  /** The operation whose completion no ordering could get past. */
  readonly operation: Operation;
  /** The longest valid ordering that got as far as that completion, in order. */
  readonly longestOrdering: readonly Operation[];
  /** The model state after `longestOrdering`. */
  readonly stateAfterOrdering: unknown;
}

const NONE = -1;
const TIMEOUT_CHECK_INTERVAL = 4096;
/** Steps cached before the search judges whether the step cache pays (see `cachingSteps`). */
const STEP_CACHE_TRIAL = 4096;
/** The step cache stays on when it answered at least this many steps per step it had to run. */
const STEP_CACHE_MIN_HITS_PER_MISS = 4;

/** A search that can run in slices, so a checker can share its budget fairly between keys. */
export interface LinearizationSearch {
  /**
   * Runs until a verdict, or until `sliceStates` more states have been explored ('paused').
   * Returns `unknown` when `budget` is spent or its time is up.
   */
  advance(budget: BudgetTracker, sliceStates: number): SearchResult | 'paused';
  readonly statesExplored: number;
  /** Hands the search's tables to the next search created; `advance` may not be called again. */
  release(): void;
}

export interface SearchOptions {
  /**
   * Skips orderings that spend an operation of unknown outcome for nothing (see
   * `idleUnknownStep`). Same verdicts, far fewer states when many outcomes are unknown (the
   * witness's trials); off for the main search, whose state counts and orderings are reported.
   */
  readonly skipIdleUnknowns?: boolean;
}

/** Searches to the end (or until the budget is spent). */
export function searchLinearization<State>(
  operations: readonly Operation[],
  model: SequentialModel<State>,
  budget: BudgetTracker,
  options: SearchOptions = {},
): SearchResult {
  const search = createSearch(operations, model, options);
  const result = search.advance(budget, Infinity) as SearchResult;
  search.release();
  return result;
}

/**
 * Prepares a search for a linearization of `operations` (no failed operations; unknown ones have
 * `returnTime === Infinity`). The entries of operation i are 2i (call) and 2i + 1 (return).
 */
export function createSearch<State>(
  operations: readonly Operation[],
  model: SequentialModel<State>,
  options: SearchOptions = {},
): LinearizationSearch {
  const skipIdleUnknowns = options.skipIdleUnknowns === true;
  const count = operations.length;
  const head = 2 * count;
  const next = new Int32Array(2 * count + 1);
  const prev = new Int32Array(2 * count + 1);
  const order = sortedEntries(operations);
  const orderIndex = new Int32Array(2 * count);
  let previous = head;
  order.forEach((entry, index) => {
    orderIndex[entry] = index;
    next[previous] = entry;
    prev[entry] = previous;
    previous = entry;
  });
  next[previous] = NONE;

  const lift = (call: number): void => {
    next[prev[call]] = next[call];
    prev[next[call]] = prev[call];
    const ret = call + 1;
    next[prev[ret]] = next[ret];
    if (next[ret] !== NONE) prev[next[ret]] = prev[ret];
  };
  const unlift = (call: number): void => {
    const ret = call + 1;
    next[prev[ret]] = ret;
    if (next[ret] !== NONE) prev[next[ret]] = ret;
    next[prev[call]] = call;
    prev[next[call]] = call;
  };

  // The loop reads these flags, not the operations: operations of several shapes (parsed, unknown
  // copies, weakened copies) would make its property loads polymorphic. Plain loops fill them:
  // TypedArray.from with a mapping function is several times slower, and the witness prepares
  // thousands of small searches.
  const readOnly = new Uint8Array(count);
  const unknownOutcome = new Uint8Array(count);
  const codes = new Int32Array(count);
  for (let index = 0; index < count; index += 1) {
    readOnly[index] = model.readOnly(operations[index]) ? 1 : 0;
    unknownOutcome[index] = operations[index].returnTime === Infinity ? 1 : 0;
    codes[index] = operationCode(index);
  }
  const linearized = new Uint32Array((count >> 5) + 1);
  let linearizedHash = 0;
  const seen = takeMemo(linearized.length);
  const states = stateNumbering(model);
  const transitions = takeTransitions(count);
  let released = false;
  let cachingSteps = true;
  let stepHits = 0;
  let stepMisses = 0;
  const stackCalls: number[] = [];
  // A read-only operation that fits the current state is linearized at once, without trying
  // alternatives: any ordering that places it later can place it here instead (it changes nothing,
  // and everything that had to precede it already has). So when its subtree fails, the node fails.
  const stackForced: boolean[] = [];
  const stackStateIds: number[] = [];
  let stateId = states.idOf(model.init());
  let statesExplored = 0;
  let finished: SearchResult | null = null;
  let entry = next[head];
  let deepestIndex = -1;
  let deepest: SearchFailure | undefined;
  let iterations = 0;
  const stepId = (fromId: number, index: number): number => {
    let nextStateId = cachingSteps ? transitions.get(fromId, index) : NOT_STEPPED;
    if (nextStateId === NOT_STEPPED) {
      const nextState = model.step(states.stateOf(fromId), operations[index]);
      nextStateId = nextState === undefined ? STEP_INVALID : states.idOf(nextState);
      if (cachingSteps) {
        transitions.set(fromId, index, nextStateId);
        stepMisses += 1;
        // Few repeated (state, operation) pairs (states that rarely repeat, as a kv store's
        // growing strings): the cache costs more than it saves, so stop using it.
        if (stepMisses === STEP_CACHE_TRIAL && stepHits < STEP_CACHE_MIN_HITS_PER_MISS * stepMisses) cachingSteps = false;
      }
    } else {
      stepHits += 1;
    }
    return nextStateId;
  };
  // Linearizing an operation of unknown outcome only spends it: (set + u, state) has every
  // completion (set, state) has, u still available or never taken. So a step is skipped when an
  // unknown operation it follows or takes made no difference: an unknown operation that leaves the
  // state as it is; a step that leads to the same state without the unknown operation linearized
  // just before it (the parent tries that step itself: the unknown one has no return entry, so it
  // blocks nothing). Every shortest valid ordering survives these cuts, so verdicts do not change
  // (test/check/idle-unknowns.test.ts compares with brute force and with the full search).
  const idleUnknownStep = (index: number, nextStateId: number): boolean => {
    if (unknownOutcome[index] === 1 && nextStateId === stateId) return true;
    const depth = stackCalls.length;
    if (depth === 0 || unknownOutcome[stackCalls[depth - 1]! >> 1] === 0) return false;
    return stepId(stackStateIds[depth - 1]!, index) === nextStateId;
  };

  // Every way out of the loop goes through the one return at its end: a return the optimized loop
  // has never taken deoptimizes it, and the witness's small searches end in ways the main one rarely
  // does.
  const run = (budget: BudgetTracker, sliceStates: number): SearchResult | 'paused' => {
    let sliceLeft = sliceStates;
    let outcome: Verdict | 'paused' = 'linearizable';
    search: while (entry !== NONE) {
      iterations += 1;
      if (iterations % TIMEOUT_CHECK_INTERVAL === 0 && budget.timedOut()) {
        outcome = 'unknown';
        break;
      }
      let backtrack = false;
      if ((entry & 1) === 0) {
        const index = entry >> 1;
        const nextStateId = stepId(stateId, index);
        if (nextStateId === STEP_INVALID) {
          entry = next[entry];
          continue;
        }
        if (skipIdleUnknowns && idleUnknownStep(index, nextStateId)) {
          entry = next[entry];
          continue;
        }
        const forced = readOnly[index] === 1;
        const word = index >> 5;
        const bit = 1 << (index & 31);
        linearized[word] |= bit;
        const hash = linearizedHash ^ codes[index]!;
        if (!seen.contains(nextStateId, hash, linearized)) {
          if (sliceLeft <= 0) {
            linearized[word] &= ~bit;
            outcome = 'paused';
            break;
          }
          if (!budget.addState()) {
            outcome = 'unknown';
            break;
          }
          sliceLeft -= 1;
          statesExplored += 1;
          seen.add(nextStateId, hash, linearized);
          linearizedHash = hash;
          stackCalls.push(entry);
          stackStateIds.push(stateId);
          stackForced.push(forced);
          stateId = nextStateId;
          lift(entry);
          entry = next[head];
          continue;
        }
        linearized[word] &= ~bit;
        if (!forced) {
          entry = next[entry];
          continue;
        }
        // Already explored, and it failed; so does this node.
        backtrack = true;
      }
      if (!backtrack) {
        // A return entry: its operation was not linearized before it returned.
        if (unknownOutcome[entry >> 1] === 1) {
          // Every remaining operation has an unknown outcome: it may never have taken effect.
          break;
        }
        if (orderIndex[entry] > deepestIndex) {
          deepestIndex = orderIndex[entry];
          deepest = {
            operation: operations[entry >> 1],
            longestOrdering: stackCalls.map((call) => operations[call >> 1]),
            stateAfterOrdering: states.stateOf(stateId),
          };
        }
      }
      for (;;) {
        const call = stackCalls.pop();
        if (call === undefined) {
          outcome = 'not-linearizable';
          break search;
        }
        stateId = stackStateIds.pop()!;
        const forced = stackForced.pop() as boolean;
        linearized[call >> 6] &= ~(1 << ((call >> 1) & 31));
        linearizedHash ^= codes[call >> 1]!;
        unlift(call);
        entry = next[call];
        if (!forced) break;
      }
    }
    return outcome === 'paused' ? outcome : searchResult(outcome, statesExplored, outcome === 'not-linearizable' ? deepest : undefined);
  };

  return {
    advance(budget, sliceStates) {
      if (released) assert(false, 'search advanced after release()');
      if (finished) return finished;
      const result = run(budget, sliceStates);
      if (result !== 'paused' && result.verdict !== 'unknown') finished = result;
      return result;
    },
    get statesExplored() {
      return statesExplored;
    },
    release() {
      if (released) return;
      released = true;
      giveBack(seen, transitions);
    },
  };
}

function searchResult(verdict: Verdict, statesExplored: number, failure: SearchFailure | undefined): SearchResult {
  return failure ? { verdict, statesExplored, failure } : { verdict, statesExplored };
}

/** Entries in time order; at equal times calls come first (touching intervals overlap). */
function sortedEntries(operations: readonly Operation[]): number[] {
  const entries: number[] = new Array(2 * operations.length);
  const times = new Float64Array(2 * operations.length);
  for (let index = 0; index < operations.length; index += 1) {
    entries[2 * index] = 2 * index;
    entries[2 * index + 1] = 2 * index + 1;
    times[2 * index] = operations[index].callTime;
    times[2 * index + 1] = operations[index].returnTime;
  }
  return entries.sort((a, b) => times[a]! - times[b]! || (a & 1) - (b & 1) || a - b);
}

