// What an output format is: a value of `--format` for `run` (pretty, json, ...) or `sweep`
// (table, json, csv), as one file under run/ or sweep/ plus one line in registry.ts. A format
// turns plain results into text (and, for CI formats, a Markdown job summary); the commands
// write it. Renderers are imported when used, so that loading the registry costs nothing.

import type { CapturedRun } from '../capture/event-capture.js';
import type { MessageWindow } from '../report/message-window.js';
import type { RunResult, RunTiming } from '../result/run-result.js';
import type { SweepSummary } from '../sweep/summarize.js';

/** How the output will be shown. */
export interface OutputContext {
  readonly color: boolean;
  /** Columns to lay out in (the terminal's, or a wide default on a pipe). */
  readonly widthColumns: number;
  /** `-q`: one line per run, where the format has such a form. */
  readonly quiet: boolean;
  /** How many runs the command was asked for (several files: one document per run, in an array). */
  readonly plannedRunCount?: number;
}

export interface FinishedRun {
  readonly result: RunResult;
  readonly timing: RunTiming;
  /** The capture of the message-diagram window, for formats that want it (wantsMessages). */
  readonly messages?: { readonly window: MessageWindow; readonly captured: CapturedRun };
}

export interface RunOutputFormat {
  readonly name: string;
  readonly description: string;
  /** The command captures the messages of a window of each run for it (a second, capturing run). */
  readonly wantsMessages?: boolean;
  /** Text to write as soon as one run is done (formats that stream), or ''. */
  afterRun(run: FinishedRun, context: OutputContext): Promise<string>;
  /** Text to write once every run is done (formats that are one document), or ''. */
  afterAll(runs: readonly FinishedRun[], context: OutputContext): Promise<string>;
  /** A Markdown job summary for CI, for formats that have one (see JOB_SUMMARY_ENV). */
  jobSummary?(runs: readonly FinishedRun[], context: OutputContext): Promise<string>;
}

export interface SweepOutputFormat {
  readonly name: string;
  readonly description: string;
  render(summary: SweepSummary, context: OutputContext): Promise<string>;
  /** A Markdown job summary for CI, for formats that have one (see JOB_SUMMARY_ENV). */
  jobSummary?(summary: SweepSummary, context: OutputContext): Promise<string>;
}

/**
 * A format's job summary is appended to the file this environment variable names (GitHub
 * Actions sets it for every step); without it, the summary is written after the output.
 */
export const JOB_SUMMARY_ENV = 'GITHUB_STEP_SUMMARY';
