// Errors a user can cause, and how they map to exit codes. Only the CLI turns them into output.

import { stuckCallbackMessage } from '../run/stuck-callback.js';
import type { HeartbeatSnapshot } from '../sim/callback-heartbeat.js';

export { formatProblem, InputError, type InputProblem } from '../errors/input-error.js';

export {
  EXIT_FAILED,
  EXIT_INCOMPLETE,
  EXIT_INTERNAL,
  EXIT_INTERRUPTED,
  EXIT_INVALID,
  EXIT_MODEL_FAILED,
  EXIT_OK,
} from '../result/exit-codes.js';

export const EXIT_CODES_HELP =
  '\nExit codes: 0 every expectation holds, 1 an expectation failed, 2 invalid input or usage,\n' +
  '3 a run did not complete (event budget exhausted, or work outstanding at the drain limit), 4 the model\'s own code threw, misused the API\n' +
  'or ran past limits.callback-wall without returning, ' +
  '70 an internal error of ddsim (please report it), 130 interrupted. With several runs: the highest.';

/** Ctrl-C during a run: nothing more is written, exit 130. */
export class InterruptedError extends Error {
  constructor(message = 'interrupted') {
    super(message);
    this.name = 'InterruptedError';
  }
}

/** A ddsim assertion failed during a run: exit 70, with the command that reproduces it. */
export class InternalRunError extends Error {
  constructor(
    readonly reproduce: string,
    override readonly cause: unknown,
  ) {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    super(`${error.message}\n${error.stack?.split('\n').slice(1, 8).join('\n') ?? ''}`);
    this.name = 'InternalRunError';
  }
}

/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The system model's own code threw or misused the API during a run (a bug in the model): exit
 * code 4 with the node, the simulated time and the model's stack frames, not ddsim's.
 */
export class ModelRuntimeError extends Error {
  constructor(
    readonly scenarioFile: string,
    readonly simulatedUs: number,
    override readonly cause: unknown,
    /** The node whose code was running, when known. */
    readonly node: string | null = null,
  ) {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    const frames = modelFrames(error.stack ?? '');
    const what = error.name === 'ModelApiMisuse' ? 'the system model misused the API' : 'the system model threw';
    super(
      `${scenarioFile}: ${what}${node === null ? '' : ` on node ${node}`} at simulated time ${(simulatedUs / 1e6).toFixed(6)}s: ${error.message}` +
        (frames.length > 0 ? `\n${frames.join('\n')}` : ''),
    );
    this.name = 'ModelRuntimeError';
  }
}

/**
 * A model callback ran past limits.callback-wall of wall time and was stopped (an endless loop,
 * most likely): exit code 4, with the callback, the node and the simulated time; no stack (the
 * code was stopped, it did not throw).
 */
export class ModelHungError extends Error {
  constructor(
    readonly scenarioFile: string,
    readonly snapshot: HeartbeatSnapshot,
  ) {
    super(`${scenarioFile}: ${stuckCallbackMessage(snapshot)}`);
    this.name = 'ModelHungError';
  }
}

/**
 * Stack frames of the model's code: ddsim's own frames (dist/ or src/ of this package, or the
 * CLI bundle dist/cli-bundle/ of src/build/bundle-cli.ts) dropped.
 */
function modelFrames(stack: string): string[] {
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  const own = /[\\/](dist|src)[\\/](sim|kernel|network|run|cli|cli-bundle|metrics)[\\/]|node:internal|node_modules/;
  const model = frames.filter((line) => !own.test(line));
  return (model.length > 0 ? model : frames).slice(0, 6);
}
