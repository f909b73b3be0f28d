// A compare-and-set register: `read` and `write` as in register.ts, plus `cas` with input
// `[from, to]` and output `true` (swapped), `false` (the compare did not match, nothing changed) or
// `undefined` (unknown: swapped if and only if the value was `from` at the point it took effect).

import type { Operation } from '../history.js';
import { formatValue, valuesEqual, type ModelOptions, type SequentialModel } from '../model.js';
import { describeRegisterOperation, stepRegister } from './register.js';

export function casRegisterModel(options: ModelOptions = {}): SequentialModel<unknown> {
  const initialValue = options.initialValue === undefined ? null : options.initialValue;
  return {
    name: 'cas-register',
    init: () => initialValue,
    step: stepCasRegister,
    stateKey: (state) => formatValue(state),
    readOnly: (operation) => operation.f === 'read' || (operation.f === 'cas' && operation.output === false),
    validate: validateCasRegister,
    partitionByKey: true,
    describeOperation: describeCasOperation,
    describeState: formatValue,
  };
}

function stepCasRegister(state: unknown, operation: Operation): unknown {
  if (operation.f !== 'cas') return stepRegister(state, operation);
  const [from, to] = operation.input as readonly [unknown, unknown];
  const matches = valuesEqual(state, from);
  if (operation.output === undefined) return matches ? to : state;
  if (operation.output === true) return matches ? to : undefined;
  return matches ? undefined : state;
}

function validateCasRegister(operation: Operation): string | null {
  if (operation.f === 'read' || operation.f === 'write') return null;
  if (operation.f !== 'cas') return `the cas-register model supports read, write and cas, not ${operation.f}`;
  if (!Array.isArray(operation.input) || operation.input.length !== 2) {
    return `cas needs a value [from to], got ${formatValue(operation.input)}`;
  }
  return null;
}

function describeCasOperation(operation: Operation): string {
  if (operation.f !== 'cas') return describeRegisterOperation(operation);
  const [from, to] = operation.input as readonly [unknown, unknown];
  const result = operation.output === undefined ? '?' : operation.output ? 'ok' : 'no match';
  return `cas ${formatValue(from)}→${formatValue(to)} ${result}`;
}
