// Numbers a model's states, so that the search's memo and step cache hold small integers however
// large the states are. Equal states (equal `stateKey`) get one id; the first state seen with a
// key stands for all of them. Primitive states (numbers, strings, null: every built-in register
// and kv model) are looked up as themselves first, without building their key string.

import type { SequentialModel } from './model.js';

export class StateInterner<State> {
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

  /** The state that stands for `id`. */
  stateOf(id: number): State {
    return this.states[id]!;
  }
}
