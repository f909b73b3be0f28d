// Numbers a model's states, so that the search's memo and step cache hold small integers however
// large the states are. Equal states (equal `stateKey`) get one id; the first state seen with a
// key stands for all of them. Primitive states (numbers, strings, null: the built-in registers)
// are looked up as themselves first, without building their key string. A model with `stateHash`
// (kv) is looked up by that hash in an open-addressing table, with `statesEqual` on a match.

import type { SequentialModel } from './model.js';

const EMPTY = -1;
const INITIAL_SLOTS = 1 << 6;

export class StateInterner<State> {
  private readonly primitiveIds = new Map<unknown, number>();
  private readonly keyIds = new Map<string, number>();
  private readonly states: State[] = [];
  private readonly hashed: boolean;
  /** For hashed models: slot → state id; hashes[id] is state id's hash. */
  private slots = new Int32Array(0);
  private hashes = new Int32Array(0);

  constructor(private readonly model: SequentialModel<State>) {
    this.hashed = model.stateHash !== undefined;
    assert(!this.hashed || model.statesEqual !== undefined, `model ${model.name} has stateHash without statesEqual`);
    if (this.hashed) {
      this.slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
      this.hashes = new Int32Array(INITIAL_SLOTS >> 1);
    }
  }

  idOf(state: State): number {
    if (this.hashed) return this.hashedIdOf(state);
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

  /** The state that stands for `id`. */
  stateOf(id: number): State {
    return this.states[id]!;
  }

  private hashedIdOf(state: State): number {
    const hash = this.model.stateHash!(state) | 0;
    const mask = this.slots.length - 1;
    let slot = mix32(hash) & mask;
    for (; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot]!;
      if (id === EMPTY) break;
      if (this.hashes[id] === hash && this.model.statesEqual!(this.states[id]!, state)) return id;
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

/** MurmurHash3's 32-bit finalizer: spreads a model's hash over the slots. */
function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function assert(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`StateInterner: ${message}`);
}
