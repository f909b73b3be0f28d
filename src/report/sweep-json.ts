// The sweep summary as one JSON document (schema 1): the summary object as computed, with a
// schema number, so that tools can read a sweep's outcome without parsing the table.

import type { SweepSummary } from '../sweep/summarize.js';

export const SWEEP_SUMMARY_SCHEMA_VERSION = 1;

export function renderSweepJson(summary: SweepSummary): string {
  return `${JSON.stringify({ schema: SWEEP_SUMMARY_SCHEMA_VERSION, ...summary }, null, 2)}\n`;
}
