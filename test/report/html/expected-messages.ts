// The messages the HTML report of a run should draw: those its capture saw sent inside the
// default message window, in send order, at most MESSAGE_ARROWS_MAX, found with an independent
// capturing run of the same scenario and seed.

import { loadScenarioFile } from '../../../src/io/scenario-file.js';
import { defaultMessageWindow, MESSAGE_ARROWS_MAX, messageCaptureOptions } from '../../../src/report/message-window.js';
import type { RunResult } from '../../../src/result/run-result.js';
import { ScenarioRun } from '../../../src/run/run-scenario.js';
import type { Scenario } from '../../../src/scenario/types.js';

export interface ExpectedDrawing {
  readonly scenario: Scenario;
  readonly result: RunResult;
  readonly nodeNames: readonly string[];
  /** message ids, as the data-message attributes read. */
  readonly messageIds: readonly string[];
}

export async function expectedDrawing(file: string): Promise<ExpectedDrawing> {
  const scenario = await loadScenarioFile(file, { cwd: process.cwd(), sets: [] });
  const result = new ScenarioRun(scenario).result();
  const window = defaultMessageWindow(result);
  const captured = new ScenarioRun(scenario, { capture: messageCaptureOptions(window) }).captured()!;
  const messageIds = captured.records
    .flatMap((record) => (record.kind === 'send' && record.timeUs < window.toUs ? [String(record.messageId)] : []))
    .slice(0, MESSAGE_ARROWS_MAX);
  return { scenario, result, nodeNames: scenario.nodes.map((node) => node.name), messageIds };
}
