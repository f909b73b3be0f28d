// The search's cache of model steps: (state id, operation index) → next state id, or "cannot
// happen". The search tries the same operation from the same state under many different sets of
// linearized operations; a model's step is a pure function of (state, operation), so each pair is
// stepped (and its result interned) once. The first states' rows are a dense array indexed by
// state id × operation count, a lookup being one load (registers have a few states: every pair
// lands here); pairs of later states go to an open-addressing table over typed arrays. Neither
// allocates per lookup or hashes a state.

import { mix32 } from './hash32.js';

/** `get`'s answer for a pair not stepped yet. */
export const NOT_STEPPED = -2;
/** The step's answer when the operation could not have happened in that state. */
export const STEP_INVALID = -1;

const EMPTY = -1;
const INITIAL_SLOTS = 1 << 8;
/**
 * Most entries (4 bytes each) in the dense rows: beyond, states are looked up by hash. A kv key's
 * search meets thousands of states that never repeat before it stops caching: rows for all of them
 * would be megabytes to allocate and fill for nothing.
 */
const DENSE_ENTRIES_MAX = 1 << 16;
const INITIAL_DENSE_ROWS = 4;

export class TransitionTable {
  /** Row-major: dense[stateId * operationCount + operation], for stateId < denseRows. */
  private dense: Int32Array;
  private denseRows: number;
  /** States below this id always have a dense row (grown on demand). */
  private denseRowsMax = 0;
  private stateIds = new Int32Array(0);
  private operations = new Int32Array(0);
  private results = new Int32Array(0);
  private count = 0;
  /** Where the last hashed `get` stopped: `set` for the same pair writes there. */
  private lastSlot = 0;

  /** `operationCount`: operations are numbered 0 … operationCount - 1 (0: no dense rows). */
  constructor(private operationCount = 0) {
    this.denseRows = 0;
    this.dense = new Int32Array(0);
    this.reset(operationCount);
  }

  /** Entries in its arrays (its memory: 4 bytes per dense entry, 12 per hashed slot). */
  get capacity(): number {
    return this.dense.length + this.stateIds.length;
  }

  /** Forgets every step, for operations 0 … operationCount - 1; keeps its arrays where they fit. */
  reset(operationCount: number): void {
    this.operationCount = operationCount;
    this.denseRowsMax = operationCount === 0 ? 0 : Math.floor(DENSE_ENTRIES_MAX / operationCount);
    const rowsThatFit = operationCount === 0 ? 0 : Math.floor(this.dense.length / operationCount);
    this.denseRows = Math.min(Math.max(rowsThatFit, INITIAL_DENSE_ROWS), this.denseRowsMax);
    if (this.denseRows * operationCount > this.dense.length) this.dense = new Int32Array(this.denseRows * operationCount);
    this.dense.fill(NOT_STEPPED, 0, this.denseRows * operationCount);
    this.stateIds.fill(EMPTY);
    this.count = 0;
  }

  /** The next state's id, STEP_INVALID, or NOT_STEPPED. */
  get(stateId: number, operation: number): number {
    if (stateId < this.denseRows) return this.dense[stateId * this.operationCount + operation]!;
    if (stateId < this.denseRowsMax) return NOT_STEPPED;
    return this.hashedGet(stateId, operation);
  }

  /** Records the step of a pair that `get` has just answered NOT_STEPPED for. */
  set(stateId: number, operation: number, result: number): void {
    if (stateId < this.denseRowsMax) {
      if (stateId >= this.denseRows) this.growDense(stateId + 1);
      this.dense[stateId * this.operationCount + operation] = result;
      return;
    }
    const slot = this.lastSlot;
    this.stateIds[slot] = stateId;
    this.operations[slot] = operation;
    this.results[slot] = result;
    this.count += 1;
    if (this.count * 2 > this.stateIds.length) this.rehash();
  }

  private growDense(rowsNeeded: number): void {
    let rows = Math.max(1, this.denseRows);
    while (rows < rowsNeeded) rows *= 2;
    rows = Math.min(rows, this.denseRowsMax);
    const dense = new Int32Array(rows * this.operationCount).fill(NOT_STEPPED);
    // Only the rows in use: past them, a reused array holds an earlier search's steps.
    dense.set(this.dense.subarray(0, this.denseRows * this.operationCount));
    this.dense = dense;
    this.denseRows = rows;
  }

  private hashedGet(stateId: number, operation: number): number {
    if (this.stateIds.length === 0) this.allocateSlots(INITIAL_SLOTS);
    const mask = this.stateIds.length - 1;
    for (let slot = pairHash(stateId, operation) & mask; ; slot = (slot + 1) & mask) {
      const slotState = this.stateIds[slot]!;
      if (slotState === EMPTY) {
        this.lastSlot = slot;
        return NOT_STEPPED;
      }
      if (slotState === stateId && this.operations[slot] === operation) return this.results[slot]!;
    }
  }

  private allocateSlots(slotCount: number): void {
    this.stateIds = new Int32Array(slotCount).fill(EMPTY);
    this.operations = new Int32Array(slotCount);
    this.results = new Int32Array(slotCount);
  }

  private rehash(): void {
    const stateIds = this.stateIds;
    const operations = this.operations;
    const results = this.results;
    this.allocateSlots(stateIds.length * 2);
    const mask = this.stateIds.length - 1;
    for (let old = 0; old < stateIds.length; old++) {
      if (stateIds[old] === EMPTY) continue;
      let slot = pairHash(stateIds[old]!, operations[old]!) & mask;
      while (this.stateIds[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.stateIds[slot] = stateIds[old]!;
      this.operations[slot] = operations[old]!;
      this.results[slot] = results[old]!;
    }
  }
}

function pairHash(stateId: number, operation: number): number {
  return mix32(Math.imul(stateId, 0x9e3779b1) + operation);
}
