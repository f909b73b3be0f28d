// checkLinearizability: the checker's front door. Validates and prepares the history, checks
// each key on its own when the model allows it, and explains the first violation found.

import { BudgetTracker, type CheckBudget } from './budget.js';
import type { Operation } from './history.js';
import {
  createSearch,
  type LinearizationSearch,
  type SearchFailure,
  type SearchResult,
  type Verdict,
} from './linearizability.js';
import type { SequentialModel } from './model.js';
import { partitionOperations, relevantOperations, validateOperations, type Partition } from './prepare.js';
import { replayIfSequential } from './sequential.js';
import { findWitness, type Witness } from './witness.js';

export interface CheckOptions extends CheckBudget {
  /** Shrink a violation to a witness (default true). Costs at most `witnessMaxStates` more states. */
  readonly witness?: boolean;
  /** Default 100,000. */
  readonly witnessMaxStates?: number;
}

export interface KeyResult {
  /** null when the history is checked as a whole. */
  readonly key: string | null;
  readonly verdict: Verdict;
  readonly statesExplored: number;
  /** Operations the search considered (failed ones and unknown reads are left out). */
  readonly operationCount: number;
}

export interface CheckResult {
  readonly verdict: Verdict;
  /** Search states over all keys (not counting the witness search). */
  readonly statesExplored: number;
  /** Operations in the history, of every outcome. */
  readonly operationCount: number;
  /** Present for a violation when `witness` is not false. */
  readonly witness?: Witness;
  /** One entry per key, in natural key order; a single entry with key null when not split. */
  readonly perKey: readonly KeyResult[];
}

export const DEFAULT_WITNESS_MAX_STATES = 100_000;

/**
 * Decides whether `operations` is linearizable with respect to `model`. A violation on any key
 * makes the history not linearizable; otherwise a key whose search ran out of budget makes the
 * verdict unknown. Throws HistoryError when the model does not understand an operation.
 */
export function checkLinearizability<State>(
  operations: readonly Operation[],
  model: SequentialModel<State>,
  options: CheckOptions = {},
): CheckResult {
  const anyModel = model as SequentialModel<unknown>;
  validateOperations(operations, anyModel);
  const budget = BudgetTracker.from(options);
  const partitions = partitionOperations(relevantOperations(operations, anyModel), anyModel);
  const results = searchPartitions(partitions, model, budget);
  const perKey: KeyResult[] = partitions.map((partition, index) => ({
    key: partition.key,
    verdict: results[index].verdict,
    statesExplored: results[index].statesExplored,
    operationCount: partition.operations.length,
  }));
  const failedIndex = results.findIndex((result) => result.failure !== undefined);
  let witness: Witness | undefined;
  if (failedIndex >= 0 && options.witness !== false) {
    const partition = partitions[failedIndex];
    const witnessBudget = budget.child(options.witnessMaxStates ?? DEFAULT_WITNESS_MAX_STATES);
    const failure = results[failedIndex].failure as SearchFailure;
    witness = findWitness(partition.key, partition.operations, failure, model, witnessBudget);
  }
  const statesExplored = perKey.reduce((sum, key) => sum + key.statesExplored, 0);
  return {
    verdict: combineVerdicts(perKey.map((key) => key.verdict)),
    statesExplored,
    operationCount: operations.length,
    ...(witness ? { witness } : {}),
    perKey,
  };
}

/** States each undecided key may explore in the first round; doubled every round. */
const FIRST_SLICE_STATES = 10_000;

/**
 * Searches every partition in rounds of growing slices, so that the easiest violation is found
 * first and one hard key cannot starve the others. Stops at the first violation: the history's
 * verdict is then known, and the keys still undecided stay `unknown`.
 */
function searchPartitions<State>(
  partitions: readonly Partition[],
  model: SequentialModel<State>,
  budget: BudgetTracker,
): SearchResult[] {
  const results: (SearchResult | null)[] = partitions.map((partition) => replayIfSequential(partition.operations, model));
  const violated = results.findIndex((result) => result?.verdict === 'not-linearizable');
  if (violated >= 0) return results.map((result, index) => (index === violated ? result! : result ?? { verdict: 'unknown', statesExplored: 0 }));
  // Only the partitions with overlapping operations need the search.
  const searches = partitions.map((partition, index) => (results[index] === null ? createSearch(partition.operations, model) : null));
  for (let slice = FIRST_SLICE_STATES; results.includes(null); slice *= 2) {
    for (let index = 0; index < searches.length; index += 1) {
      if (results[index] !== null) continue;
      const outcome = searches[index]!.advance(budget, slice);
      if (outcome === 'paused') continue;
      results[index] = outcome;
      if (outcome.verdict === 'not-linearizable') return finish(searches, results);
      if (outcome.verdict === 'unknown') return finish(searches, results);
    }
  }
  return finish(searches, results);
}

function finish(searches: readonly (LinearizationSearch | null)[], results: readonly (SearchResult | null)[]): SearchResult[] {
  return results.map(
    (result, index) => result ?? { verdict: 'unknown', statesExplored: searches[index]?.statesExplored ?? 0 },
  );
}

export function combineVerdicts(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes('not-linearizable')) return 'not-linearizable';
  if (verdicts.includes('unknown')) return 'unknown';
  return 'linearizable';
}
