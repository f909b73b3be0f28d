// Spare tables for the next search: a search that is done hands its memo and step cache back, and
// the next one created takes and empties them instead of allocating its own. The witness runs
// thousands of small searches one after another, and allocating (and collecting) their typed
// arrays cost about as much as searching. Only small tables are kept, so that emptying one costs
// little; what a table holds never changes an answer, only how fast it comes.

import { LinearizedMemo } from './linearized-memo.js';
import { TransitionTable } from './transition-table.js';

/** Larger tables are left to the collector: emptying them would cost more than a new one. */
const SPARE_MEMO_SLOTS_MAX = 1 << 13;
const SPARE_TRANSITION_ENTRIES_MAX = 1 << 14;

let spareMemo: LinearizedMemo | null = null;
let spareTransitions: TransitionTable | null = null;

/** An empty memo for bitsets of `wordCount` words. */
export function takeMemo(wordCount: number): LinearizedMemo {
  const memo = spareMemo;
  if (memo === null) return new LinearizedMemo(wordCount);
  spareMemo = null;
  memo.reset(wordCount);
  return memo;
}

/** An empty step cache for operations 0 … operationCount - 1. */
export function takeTransitions(operationCount: number): TransitionTable {
  const table = spareTransitions;
  if (table === null) return new TransitionTable(operationCount);
  spareTransitions = null;
  table.reset(operationCount);
  return table;
}

/** Gives back tables their search will never read or write again. */
export function giveBack(memo: LinearizedMemo, transitions: TransitionTable): void {
  if (memo.capacity <= SPARE_MEMO_SLOTS_MAX) spareMemo = memo;
  if (transitions.capacity <= SPARE_TRANSITION_ENTRIES_MAX) spareTransitions = transitions;
}
