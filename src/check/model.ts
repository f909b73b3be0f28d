// The sequential-model interface the linearizability search runs operations against. A model is
// plain functions over immutable states; new models are one file and one line in models/index.ts.

import type { Operation } from './history.js';

export interface SequentialModel<State = unknown> {
  readonly name: string;
  /** The state before any operation. */
  init(): State;
  /**
   * Applies `operation` to `state`. Returns the new state, or `undefined` when the operation could
   * not have happened in `state` with the output it reported. Must accept an operation of unknown
   * outcome (`output === undefined`) in any state it could have run in. Must not mutate `state`.
   */
  step(state: State, operation: Operation): State | undefined;
  /** Equal states have equal keys; used to memoize the search. */
  stateKey(state: State): string;
  /**
   * Optional, with `statesEqual`: a 32-bit hash, equal for states with equal `stateKey`, that
   * costs less than the key (a kv model's long strings keep theirs, updated per append). The
   * search then numbers states by hash and `statesEqual` instead of by key.
   */
  stateHash?(state: State): number;
  /** Whether two states have equal `stateKey`s; present whenever `stateHash` is. */
  statesEqual?(a: State, b: State): boolean;
  /**
   * True when the operation cannot change any state (a read). Such operations with an unknown
   * outcome constrain nothing and are dropped before the search.
   */
  readOnly(operation: Operation): boolean;
  /**
   * Checks that the model understands the operation; returns a message for the user when not.
   */
  validate(operation: Operation): string | null;
  /**
   * Whether a history may be checked one key at a time (sound when every operation touches a
   * single key and keys are independent, as for a key-value store).
   */
  readonly partitionByKey: boolean;
  describeOperation(operation: Operation): string;
  describeState(state: State): string;
}

/** The initial value, when the caller overrides the model's default. */
export interface ModelOptions {
  readonly initialValue?: unknown;
}

/** Formats a value as ddsim prints it: `nil` for absent, strings quoted, arrays in brackets. */
export function formatValue(value: unknown): string {
  if (value === undefined) return '?';
  if (value === null) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  return String(value);
}

/** Structural equality for the plain values histories hold (null, numbers, strings, arrays). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => valuesEqual(item, b[index]));
  }
  return false;
}
