// A key-value store, checked one key at a time (a history is linearizable iff each key's is):
// `get` (output: the value, `undefined` = unknown), `put` (input: the value) and `append` (input:
// a string concatenated to the value). Every key starts as the empty string unless overridden.
// A state carries its value's hash, folded on per append: the search numbers states by that hash
// and compares values only on a match, instead of hashing a whole (ever longer) string per step.

import type { Operation } from '../history.js';
import { formatValue, type ModelOptions, type SequentialModel } from '../model.js';

/** One key's value and `foldHash` of it. */
export interface KvState {
  readonly value: string;
  readonly hash: number;
}

export function kvModel(options: ModelOptions = {}): SequentialModel<KvState> {
  const initialValue = options.initialValue === undefined ? '' : String(options.initialValue);
  const initial: KvState = { value: initialValue, hash: foldHash(HASH_START, initialValue) };
  return {
    name: 'kv',
    init: () => initial,
    step: stepKv,
    stateKey: (state) => state.value,
    stateHash: (state) => state.hash,
    statesEqual: (a, b) => a.value === b.value,
    readOnly: (operation) => operation.f === 'get',
    validate: validateKv,
    partitionByKey: true,
    describeOperation: describeKvOperation,
    describeState: (state) => formatValue(state.value),
  };
}

const HASH_START = 0x811c9dc5;

/**
 * FNV-1a over UTF-16 code units, continued from `hash`: folding a then b equals folding a + b, so
 * an append costs the appended text only.
 */
function foldHash(hash: number, text: string): number {
  let h = hash;
  for (let index = 0; index < text.length; index++) h = Math.imul(h ^ text.charCodeAt(index), 0x01000193);
  return h | 0;
}

function stepKv(state: KvState, operation: Operation): KvState | undefined {
  switch (operation.f) {
    case 'put': {
      const value = String(operation.input);
      return { value, hash: foldHash(HASH_START, value) };
    }
    case 'append': {
      const suffix = String(operation.input);
      return { value: state.value + suffix, hash: foldHash(state.hash, suffix) };
    }
    default:
      return operation.output === undefined || operation.output === state.value ? state : undefined;
  }
}

function validateKv(operation: Operation): string | null {
  if (operation.f !== 'get' && operation.f !== 'put' && operation.f !== 'append') {
    return `the kv model supports get, put and append, not ${operation.f}`;
  }
  if (operation.key === undefined) return `kv operations need a key`;
  return null;
}

function describeKvOperation(operation: Operation): string {
  const key = operation.key ?? '';
  const unknown = operation.outcome === 'unknown' ? ' ?' : '';
  if (operation.f === 'get') return `get ${key} → ${formatValue(operation.output)}`;
  return `${operation.f} ${key} ${formatValue(operation.input)}${unknown}`;
}
