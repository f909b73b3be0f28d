// An exploration as one JSON document (`ddsim explore --format json`): the settings, the counts,
// every failure (its faults, reproducer, and shrink when there was one) and the triage groups —
// everything the terminal report shows. Key order fixed; no wall-clock figure.

import type { ExploreSummary } from '../explore/explore-summary.js';
import { toJsonText } from './json-text.js';

export const EXPLORE_JSON_SCHEMA_VERSION = 1;

export function renderExploreJson(summary: ExploreSummary): string {
  return `${toJsonText(exploreDocument(summary))}\n`;
}

export function exploreDocument(summary: ExploreSummary): Record<string, unknown> {
  return {
    schemaVersion: EXPLORE_JSON_SCHEMA_VERSION,
    file: summary.file,
    explore: summary.fingerprint,
    exploreSeed: summary.exploreSeed,
    shard: summary.shard,
    settings: summary.settings,
    plannedRuns: summary.plannedRuns,
    doneRuns: summary.doneRuns,
    failedRuns: summary.failures.length,
    keepGoing: summary.keepGoing,
    stoppedAt: summary.stoppedAt,
    failures: summary.failures.map((failure) => ({
      index: failure.index,
      seed: failure.seed,
      failure: failure.failureText,
      exitCode: failure.exitCode,
      faults: failure.faults,
      reproducer: failure.reproducer,
      error: failure.error,
      shrunk: failure.shrunk === null ? null : shrunkDocument(failure.shrunk),
    })),
    toolErrors: summary.toolErrors,
    triage: summary.groups,
  };
}

export function shrunkDocument(shrunk: {
  readonly minFile: string;
  readonly faults: readonly unknown[];
  readonly runsSpent: number;
  readonly budgetReached: boolean;
  readonly before: unknown;
  readonly after: unknown;
  readonly changes: readonly string[];
  readonly kept?: readonly string[];
}): Record<string, unknown> {
  return {
    minFile: shrunk.minFile,
    faults: shrunk.faults,
    runsSpent: shrunk.runsSpent,
    budgetReached: shrunk.budgetReached,
    before: shrunk.before,
    after: shrunk.after,
    changes: shrunk.changes,
    ...(shrunk.kept === undefined ? {} : { kept: shrunk.kept }),
  };
}
