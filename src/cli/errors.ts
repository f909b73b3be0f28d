// Errors a user can cause, and how they map to exit codes. Only the CLI turns them into output.

export { formatProblem, InputError, type InputProblem } from '../errors/input-error.js';

export const EXIT_OK = 0;
/** An expectation failed / a history is not linearizable. */
export const EXIT_FAILED = 1;
/** Invalid input or usage. */
export const EXIT_INVALID = 2;

/** Bad command-line usage: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * The system model's own code threw during a run (a bug in a user's model, most likely): exit
 * code 2 with where it happened and the model's stack, not ddsim's.
 */
export class ModelRuntimeError extends Error {
  constructor(
    readonly scenarioFile: string,
    readonly simulatedUs: number,
    override readonly cause: unknown,
  ) {
    const error = cause instanceof Error ? cause : new Error(String(cause));
    const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 6);
    super(
      `${scenarioFile}: the system model threw at simulated time ${(simulatedUs / 1e6).toFixed(6)}s: ${error.message}` +
        (frames.length > 0 ? `\n${frames.join('\n')}` : ''),
    );
    this.name = 'ModelRuntimeError';
  }
}
