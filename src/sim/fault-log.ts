// The record of every fault applied during a run (bounded: past the cap only the count grows).

import type { FaultRecord } from '../result/run-result.js';

export const FAULT_RECORD_COUNT_MAX = 10_000;

export class FaultLog {
  readonly records: FaultRecord[] = [];
  /** Faults applied (not their ends, not skipped ones). */
  injectedCount = 0;
  droppedRecordCount = 0;

  add(record: FaultRecord): void {
    if (!record.revert && record.skipped !== true) this.injectedCount++;
    if (this.records.length < FAULT_RECORD_COUNT_MAX) this.records.push(record);
    else this.droppedRecordCount++;
  }
}
