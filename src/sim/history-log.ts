// The recorded operation history of a run, for history checkers. This is the one record that
// needs the full history and so grows with simulated time; it is capped, and a capped history
// is reported as truncated (checks over it then answer "unknown").

import type { HistoryOperation, HistoryRecorder } from '../model/api.js';
import type { RecordedOperation } from '../model/facts.js';

export const HISTORY_OPERATION_COUNT_MAX = 2_000_000;

export class HistoryLog implements HistoryRecorder {
  readonly operations: RecordedOperation[] = [];
  truncated = false;

  constructor(private readonly nowUs: () => number) {}

  record(operation: HistoryOperation): void {
    if (this.operations.length >= HISTORY_OPERATION_COUNT_MAX) {
      this.truncated = true;
      return;
    }
    this.operations.push({ ...operation, timeUs: this.nowUs() });
  }
}
