// The search's cache of model steps: (state id, operation index) → next state id, or "cannot
// happen". The search tries the same operation from the same state under many different sets of
// linearized operations; a model's step is a pure function of (state, operation), so each pair is
// stepped (and its result interned) once. An open-addressing table over typed arrays, so a lookup
// allocates nothing and hashes no state.

/** `get`'s answer for a pair not stepped yet. */
export const NOT_STEPPED = -2;
/** The step's answer when the operation could not have happened in that state. */
export const STEP_INVALID = -1;

const EMPTY = -1;
const INITIAL_SLOTS = 1 << 8;

export class TransitionTable {
  private stateIds = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  private operations = new Int32Array(INITIAL_SLOTS);
  private results = new Int32Array(INITIAL_SLOTS);
  private count = 0;
  /** Where the last `get` stopped: `set` for the same pair writes there. */
  private lastSlot = 0;

  /** The next state's id, STEP_INVALID, or NOT_STEPPED. */
  get(stateId: number, operation: number): number {
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

  /** Records the step of a pair that `get` has just answered NOT_STEPPED for. */
  set(stateId: number, operation: number, result: number): void {
    const slot = this.lastSlot;
    this.stateIds[slot] = stateId;
    this.operations[slot] = operation;
    this.results[slot] = result;
    this.count += 1;
    if (this.count * 2 > this.stateIds.length) this.rehash();
  }

  private rehash(): void {
    const stateIds = this.stateIds;
    const operations = this.operations;
    const results = this.results;
    this.stateIds = new Int32Array(stateIds.length * 2).fill(EMPTY);
    this.operations = new Int32Array(stateIds.length * 2);
    this.results = new Int32Array(stateIds.length * 2);
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

/** MurmurHash3's 32-bit finalizer over both numbers. */
function pairHash(stateId: number, operation: number): number {
  let h = Math.imul(stateId, 0x9e3779b1) + operation;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
