// Every `--format` value of `run` and `sweep`, in the order help lists them. A new format: one
// file in run/ or sweep/ and one line here; the commands need no change.

import type { RunOutputFormat, SweepOutputFormat } from './output-format.js';
import { githubRunFormat } from './run/github.js';
import { htmlRunFormat } from './run/html.js';
import { jsonRunFormat } from './run/json.js';
import { junitRunFormat } from './run/junit.js';
import { prettyRunFormat } from './run/pretty.js';
import { csvSweepFormat } from './sweep/csv.js';
import { githubSweepFormat } from './sweep/github.js';
import { htmlSweepFormat } from './sweep/html.js';
import { jsonSweepFormat } from './sweep/json.js';
import { junitSweepFormat } from './sweep/junit.js';
import { tableSweepFormat } from './sweep/table.js';

export const RUN_FORMATS: readonly RunOutputFormat[] = [prettyRunFormat, jsonRunFormat, junitRunFormat, githubRunFormat, htmlRunFormat];

export const SWEEP_FORMATS: readonly SweepOutputFormat[] = [tableSweepFormat, jsonSweepFormat, csvSweepFormat, junitSweepFormat, githubSweepFormat, htmlSweepFormat];

export function formatNames(formats: readonly { readonly name: string }[]): string {
  return formats.map((format) => format.name).join(' | ');
}
