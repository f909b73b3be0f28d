// Ctrl-C (SIGINT) while a run simulates: the handler only sets a flag, which `run` checks between
// simulation slices, so nothing is written half-way and the command ends with exit code 130. A
// second Ctrl-C ends the process at once. Outside `interruptible` Ctrl-C keeps Node's default (the
// process ends at once); `sweep` handles it itself (src/cli/sweep-run.ts). Synchronous work that
// cannot look at a flag (a linearizability search, model code) runs in `stoppableBySigint`:
// node:vm's breakOnSigint stops it at once and it throws InterruptedError (exit 130).

import { BoundExceeded, callBounded } from '../kernel/bounded-call.js';
import { InterruptedError } from './errors.js';

let requested = false;

export async function interruptible<T>(work: () => Promise<T>): Promise<T> {
  const onSignal = (): void => {
    if (requested) process.exit(130);
    requested = true;
  };
  process.on('SIGINT', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
  }
}

export function interruptRequested(): boolean {
  return requested;
}

/**
 * Runs `work` so that SIGINT stops it at once, wherever it is (no catch or finally in it runs):
 * InterruptedError then. JavaScript SIGINT listeners are set aside meanwhile (node:vm's rule).
 */
export function stoppableBySigint<T>(work: () => T): T {
  try {
    return callBounded(work, { breakOnSigint: true });
  } catch (error) {
    if (error instanceof BoundExceeded) throw new InterruptedError();
    throw error;
  }
}
