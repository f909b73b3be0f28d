// Runs a scenario given as text (a generated explore run, a shrink candidate), as `ddsim run`
// would run that text saved as `file`, and returns the outcome as plain data: the metrics and
// expectation verdicts, or the error and whose it was. With `interrupted`, the run is sliced and
// yields to the event loop between slices, so that Ctrl-C is seen; the result does not depend on
// the slicing.

import { loadScenarioText } from '../io/scenario-file.js';
import { ScenarioRun } from '../run/run-scenario.js';
import { InputError } from '../errors/input-error.js';
import { AssertionError } from '../model/assert.js';
import type { RunErrorCause, RunOutcome } from '../sweep/sweep-record.js';
import { errorMessage } from '../sweep/sweep-task.js';

export interface ScenarioTextInput {
  /** The path the text is (or will be) saved at, as the user would type it: the run reports it. */
  readonly file: string;
  readonly text: string;
  /** Where a relative model path resolves from: the directory of `file`. */
  readonly scenarioDir: string;
}

/** Events simulated between yields to the event loop. */
const SLICE_EVENT_COUNT = 250_000;

export async function runScenarioText(input: ScenarioTextInput, options: { readonly interrupted?: () => boolean } = {}): Promise<RunOutcome | null> {
  if (options.interrupted !== undefined) {
    // Runs shorter than a slice never yield inside: yield before each, so Ctrl-C and a spinner are seen between runs too.
    await new Promise((resolve) => setImmediate(resolve));
    if (options.interrupted()) return null;
  }
  try {
    const scenario = await loadScenarioText(input.file, input.text, { sets: [], scenarioDir: input.scenarioDir });
    const run = new ScenarioRun(scenario);
    if (options.interrupted !== undefined) {
      while (!run.advance(SLICE_EVENT_COUNT)) {
        if (options.interrupted()) return null;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const result = run.result();
    return {
      kind: 'result',
      ok: result.ok,
      stopReason: result.stopReason,
      metrics: result.metrics,
      expectations: result.expectations.map(({ expr, ok, observed }) => ({ expr, ok, observed })),
    };
  } catch (error) {
    return { kind: 'error', message: errorMessage(error), cause: causeOf(error) };
  }
}

/** Whose fault a run's exception is: ddsim's (an assertion), the input's, or the model's. */
function causeOf(error: unknown): RunErrorCause {
  if (error instanceof AssertionError) return 'internal';
  if (error instanceof InputError) return 'input';
  return 'model';
}
