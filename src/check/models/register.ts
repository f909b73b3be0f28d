// A read/write register. Operations: `read` (output: the value read, `null` = absent,
// `undefined` = unknown) and `write` (input: the value). Default initial value: null (absent).

import type { Operation } from '../history.js';
import { formatValue, valuesEqual, type ModelOptions, type SequentialModel } from '../model.js';

export function registerModel(options: ModelOptions = {}): SequentialModel<unknown> {
  const initialValue = options.initialValue === undefined ? null : options.initialValue;
  return {
    name: 'register',
    init: () => initialValue,
    step: stepRegister,
    stateKey: (state) => formatValue(state),
    readOnly: (operation) => operation.f === 'read',
    validate: (operation) =>
      operation.f === 'read' || operation.f === 'write'
        ? null
        : `the register model supports read and write, not ${operation.f}`,
    partitionByKey: true,
    describeOperation: describeRegisterOperation,
    describeState: formatValue,
  };
}

/** Shared by the cas register, which extends this one. */
export function stepRegister(state: unknown, operation: Operation): unknown {
  if (operation.f === 'write') return operation.input;
  if (operation.output === undefined || valuesEqual(operation.output, state)) return state;
  return undefined;
}

export function describeRegisterOperation(operation: Operation): string {
  const unknown = operation.outcome === 'unknown';
  if (operation.f === 'write') return `write ${formatValue(operation.input)}${unknown ? ' ?' : ''}`;
  return `read → ${formatValue(operation.output)}`;
}
