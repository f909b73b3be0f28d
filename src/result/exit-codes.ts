// The exit codes of `run` and `sweep`, one per way a run can end, so that CI can tell a violated
// invariant from a liveness failure, a broken model or a ddsim bug. Shared by the CLI and the
// sweep records (each run line carries its code).

export const EXIT_OK = 0;
/** An expectation failed / a history is not linearizable. */
export const EXIT_FAILED = 1;
/** Invalid input or usage. */
export const EXIT_INVALID = 2;
/** The run did not complete: event budget exhausted or work outstanding at the drain limit (liveness). */
export const EXIT_INCOMPLETE = 3;
/** The model's own code threw or misused the API. */
export const EXIT_MODEL_FAILED = 4;
/** An internal error of ddsim (an assertion): a bug to report. */
export const EXIT_INTERNAL = 70;
/** Interrupted (Ctrl-C / SIGINT): 128 + 2, as shells report it. */
export const EXIT_INTERRUPTED = 130;


/** A finished run's code: 3 when it did not complete (liveness), else 0 or 1 by its expectations. */
export function finishedRunExitCode(stopReason: string, ok: boolean): number {
  if (stopReason !== 'completed') return EXIT_INCOMPLETE;
  return ok ? EXIT_OK : EXIT_FAILED;
}
