// What a run hands to checks: the recorded history and final metrics. Plain data.

import type { HistoryOperation } from '../model/api.js';

export interface RecordedOperation extends HistoryOperation {
  readonly timeUs: number;
}

export interface RecordedFacts {
  readonly history: readonly RecordedOperation[];
  /** True when the history hit its size cap and later operations were not recorded. */
  readonly historyTruncated: boolean;
  readonly metrics: Readonly<Record<string, number>>;
  /** The model's own configuration (checks that need it know its shape). */
  readonly modelConfig: unknown;
}
