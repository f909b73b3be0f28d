// Several registers updated by transactions (Knossos's multi-register): `txn` with input a list
// of micro-operations `[f, key, value]`, f being `read` (value `null` = unknown, matches anything)
// or `write`. A transaction may touch several keys, so this model is never split by key.
// Every key starts at the initial value (default 0).

import type { Operation } from '../history.js';
import { formatValue, valuesEqual, type ModelOptions, type SequentialModel } from '../model.js';

/** Key → value, sorted by key; treated as immutable. */
type Registers = ReadonlyMap<string, unknown>;

type MicroOperation = readonly [f: string, key: string, value: unknown];

export function multiRegisterModel(options: ModelOptions = {}): SequentialModel<Registers> {
  const initialValue = options.initialValue === undefined ? 0 : options.initialValue;
  const valueOf = (state: Registers, key: string): unknown => (state.has(key) ? state.get(key) : initialValue);
  return {
    name: 'multi-register',
    init: () => new Map(),
    step(state, operation) {
      let next: Map<string, unknown> | null = null;
      for (const [f, key, value] of operation.input as readonly MicroOperation[]) {
        const current = next ?? state;
        if (f === 'write') {
          next = next ?? new Map(state);
          next.set(key, value);
        } else if (value !== null && value !== undefined && !valuesEqual(valueOf(current, key), value)) {
          if (operation.outcome === 'ok') return undefined;
        }
      }
      return next ?? state;
    },
    stateKey: (state) =>
      [...state.keys()]
        .sort()
        .map((key) => `${key}=${formatValue(state.get(key))}`)
        .join(','),
    readOnly: (operation) => (operation.input as readonly MicroOperation[]).every(([f]) => f === 'read'),
    validate: validateMultiRegister,
    partitionByKey: false,
    describeOperation: (operation) =>
      `txn ${(operation.input as readonly MicroOperation[])
        .map(([f, key, value]) => `${f} ${key} ${formatValue(value)}`)
        .join('; ')}${operation.outcome === 'unknown' ? ' ?' : ''}`,
    describeState: (state) =>
      `{${[...state.keys()]
        .sort()
        .map((key) => `${key} ${formatValue(state.get(key))}`)
        .join(', ')}}`,
  };
}

function validateMultiRegister(operation: Operation): string | null {
  if (operation.f !== 'txn') return `the multi-register model supports txn, not ${operation.f}`;
  const micro = operation.input;
  const wellFormed =
    Array.isArray(micro) &&
    micro.every(
      (item) =>
        Array.isArray(item) &&
        item.length === 3 &&
        (item[0] === 'read' || item[0] === 'write') &&
        typeof item[1] === 'string',
    );
  return wellFormed ? null : `txn needs a list of [read|write key value], got ${formatValue(micro)}`;
}
