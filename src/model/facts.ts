// What a run hands to checks: the recorded history and final metrics. Plain data.

import type { HistoryOperation } from './api.js';

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
  /** When the final reads began (after faults were reverted and the quiet period); null without a final phase. */
  readonly finalReadsFromUs?: number | null;
  /** What the model's recordedFacts() returned (checks that need it know its shape). */
  readonly modelFacts?: unknown;
}
