// Numbers a model's states, so that the search's memo and step cache hold small integers however
// large the states are. Equal states (equal `stateKey`) get one id; the first state seen with a
// key stands for all of them. Primitive states (numbers, strings, null: the built-in registers)
// are looked up as themselves first, without building their key string. A model with `stateHash`
// (kv) is looked up by that hash in an open-addressing table, with `statesEqual` on a match.

import { assert } from '../model/assert.js';
import { mix32 } from './hash32.js';
import type { SequentialModel } from './model.js';

const EMPTY = -1;
const INITIAL_SLOTS = 1 << 6;

/** What the search needs of either numbering. */
export interface StateNumbering<State> {
  idOf(state: State): number;
  /** The state that stands for `id`. */
  stateOf(id: number): State;
}

/** The numbering for `model`: by hash when it has `stateHash`, by key otherwise. */
export function stateNumbering<State>(model: SequentialModel<State>): StateNumbering<State> {
  return model.stateHash === undefined ? new StateInterner(model) : new HashedStateInterner(model);
}

export class StateInterner<State> implements StateNumbering<State> {
  private readonly primitiveIds = new Map<unknown, number>();
  private readonly keyIds = new Map<string, number>();
  private readonly states: State[] = [];

  constructor(private readonly model: SequentialModel<State>) {}

  idOf(state: State): number {
    const primitive = state === null || typeof state !== 'object';
    if (primitive) {
      const id = this.primitiveIds.get(state);
      if (id !== undefined) return id;
    }
    const stateKey = this.model.stateKey(state);
    let id = this.keyIds.get(stateKey);
    if (id === undefined) {
      id = this.states.length;
      this.keyIds.set(stateKey, id);
      this.states.push(state);
    }
    if (primitive) this.primitiveIds.set(state, id);
    return id;
  }

  stateOf(id: number): State {
    return this.states[id]!;
  }
}

/** Numbers the states of a model with `stateHash`: an open-addressing table of ids by hash. */
export class HashedStateInterner<State> implements StateNumbering<State> {
  private readonly states: State[] = [];
  /** Slot → state id, EMPTY when free. */
  private slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  /** State id → its hash. */
  private hashes = new Int32Array(INITIAL_SLOTS >> 1);
  private readonly hashOf: (state: State) => number;
  private readonly equal: (a: State, b: State) => boolean;

  constructor(model: SequentialModel<State>) {
    assert(model.stateHash !== undefined && model.statesEqual !== undefined, `model ${model.name} needs stateHash and statesEqual`);
    this.hashOf = model.stateHash;
    this.equal = model.statesEqual;
  }

  idOf(state: State): number {
    const hash = this.hashOf(state) | 0;
    const mask = this.slots.length - 1;
    let slot = mix32(hash) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY) break;
      if (this.hashes[id] === hash && this.equal(this.states[id]!, state)) return id;
    }
    const id = this.states.length;
    this.states.push(state);
    if (id === this.hashes.length) {
      const hashes = new Int32Array(id * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    this.hashes[id] = hash;
    this.slots[slot] = id;
    if (this.states.length * 2 > this.slots.length) this.rehash();
    return id;
  }

  stateOf(id: number): State {
    return this.states[id]!;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.states.length; id++) {
      let slot = mix32(this.hashes[id]!) & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
