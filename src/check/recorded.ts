// The bridge from a simulation to the checker: a model records HistoryOperations through
// ctx.history.record(...), the simulator stamps each with `timeUs`, and the scenario
// expectation `linearizable` calls checkRecordedHistory on the list.
//
// What each model accepts (type: invoke, then ok / fail / info from the same process):
// - register:     f `read` (completion value: the value read; null = absent), `write` (value).
// - cas-register: as register, plus `cas` with value [from, to]; `fail` means the compare did not
//                 match (it still happened), `info` means unknown.
// - kv:           f `get` / `put` / `append` with `key`; get's completion value is the value read.
// A completion with no value for a read means the value is unknown. `fail` otherwise means the
// operation did not take effect; `info`, or no completion at all, means it may have, at any
// point after its invocation. Default initial value: null (absent) for registers, "" for kv.

import type { HistoryOperation } from '../model/api.js';
import { checkLinearizability, type CheckOptions, type CheckResult } from './check.js';
import { eventsToOperations, type HistoryEvent } from './history.js';
import type { ModelOptions } from './model.js';
import { createModel, type ModelName } from './models/index.js';

export type RecordedOperation = HistoryOperation & { readonly timeUs: number };

export type RecordedModelName = Extract<ModelName, 'register' | 'cas-register' | 'kv'>;

export interface RecordedCheckOptions extends CheckOptions, ModelOptions {}

export function checkRecordedHistory(
  records: readonly RecordedOperation[],
  modelName: RecordedModelName,
  options: RecordedCheckOptions = {},
): CheckResult {
  // The records are in true event order; their index is a finer clock than timeUs, whose equal
  // stamps would otherwise make an operation that completed before another started concurrent.
  const events: HistoryEvent[] = records.map((record, index) => ({
    process: record.process,
    type: record.type,
    f: record.f,
    ...(record.key !== undefined ? { key: record.key } : {}),
    value: record.value,
    time: index,
  }));
  const operations = eventsToOperations(events, { failedCas: 'compare-mismatch', nilRead: 'absent' });
  return checkLinearizability(operations, createModel(modelName, options), options);
}
