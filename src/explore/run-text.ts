// Runs a scenario given as text (a generated explore run, a shrink candidate), as `ddsim run`
// would run that text saved as `file`, and returns the outcome as plain data: the metrics and
// expectation verdicts, or the error and whose it was. With `interrupted`, the run is sliced and
// yields to the event loop between slices, so that Ctrl-C is seen; the result does not depend on
// the slicing. Either way a model callback that does not return stops the run
// (limits.callback-wall, src/run/callback-watchdog.ts): an error outcome like a model that threw.

import { loadScenarioText } from '../io/scenario-file.js';
import { ScenarioRun } from '../run/run-scenario.js';
import { CallbackWatchdog } from '../run/callback-watchdog.js';
import type { RunOutcome } from '../sweep/sweep-record.js';
import { errorOutcome, resultOutcome } from '../sweep/sweep-task.js';

export interface ScenarioTextInput {
  /** The path the text is (or will be) saved at, as the user would type it: the run reports it. */
  readonly file: string;
  readonly text: string;
  /** Where a relative model path resolves from: the directory of `file`. */
  readonly scenarioDir: string;
}

export async function runScenarioText(input: ScenarioTextInput, options: { readonly interrupted?: () => boolean } = {}): Promise<RunOutcome | null> {
  if (options.interrupted !== undefined) {
    // Runs shorter than a slice never yield inside: yield before each, so Ctrl-C and a spinner are seen between runs too.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.interrupted()) return null;
  }
  const watchdog = new CallbackWatchdog();
  try {
    const scenario = await loadScenarioText(input.file, input.text, { sets: [], scenarioDir: input.scenarioDir });
    if (options.interrupted === undefined) return resultOutcome(watchdog.runToEnd(scenario).result());
    watchdog.watch(scenario.limits.callbackWallUs);
    const run = watchdog.guard(() => new ScenarioRun(scenario, { heartbeat: watchdog.heartbeat }));
    while (!watchdog.advance(run)) {
      if (options.interrupted()) return null;
      await new Promise((resolve) => setImmediate(resolve));
    }
    return resultOutcome(watchdog.guard(() => run.result()));
  } catch (error) {
    return errorOutcome(error);
  }
}
