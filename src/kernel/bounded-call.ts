// Calls a function that might never return (a user's model code in `while (true) {}`), bounded:
// inside node:vm, with a wall-time `timeout` (V8 terminates the code then) or `breakOnSigint`
// (Ctrl-C terminates it). Terminated code runs no catch or finally blocks of its own; the caller
// gets BoundExceeded and must restore whatever the code had changed. Nothing else differs from
// calling `work()` directly: exceptions and results pass through unchanged, and calls may nest.

import vm from 'node:vm';

export type BoundKind = 'wall-time' | 'sigint';

/** The bounded code was terminated: it ran past its wall time, or Ctrl-C came. */
export class BoundExceeded extends Error {
  constructor(readonly kind: BoundKind) {
    super(kind === 'wall-time' ? 'the call ran past its wall-time bound' : 'the call was interrupted');
    this.name = 'BoundExceeded';
  }
}

export interface CallBound {
  /** Wall milliseconds after which the code is terminated. */
  readonly wallMs?: number;
  readonly breakOnSigint?: boolean;
}

const host = { context: vm.createContext({ work: null as (() => unknown) | null }), script: new vm.Script('work()') };

/** Calls `work` under `bound`; an empty bound calls it directly (no node:vm hop). */
export function callBounded<T>(work: () => T, bound: CallBound): T {
  if (bound.wallMs === undefined && bound.breakOnSigint !== true) return work();
  const previous = host.context.work;
  host.context.work = work;
  try {
    return host.script.runInContext(host.context, {
      ...(bound.wallMs === undefined ? {} : { timeout: Math.max(1, Math.round(bound.wallMs)) }),
      breakOnSigint: bound.breakOnSigint === true,
    }) as T;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new BoundExceeded('wall-time');
    if (code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED') throw new BoundExceeded('sigint');
    throw error;
  } finally {
    host.context.work = previous;
  }
}
