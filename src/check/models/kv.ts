// A key-value store, checked one key at a time (a history is linearizable iff each key's is):
// `get` (output: the value, `undefined` = unknown), `put` (input: the value) and `append` (input:
// a string concatenated to the value). Every key starts as the empty string unless overridden.

import type { Operation } from '../history.js';
import { formatValue, type ModelOptions, type SequentialModel } from '../model.js';

export function kvModel(options: ModelOptions = {}): SequentialModel<string> {
  const initialValue = options.initialValue === undefined ? '' : String(options.initialValue);
  return {
    name: 'kv',
    init: () => initialValue,
    step: stepKv,
    stateKey: (state) => state,
    readOnly: (operation) => operation.f === 'get',
    validate: validateKv,
    partitionByKey: true,
    describeOperation: describeKvOperation,
    describeState: formatValue,
  };
}

function stepKv(state: string, operation: Operation): string | undefined {
  switch (operation.f) {
    case 'put':
      return String(operation.input);
    case 'append':
      return state + String(operation.input);
    default:
      return operation.output === undefined || operation.output === state ? state : undefined;
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
