// Public API of the history checker: pure functions over plain data. No file system, no clock,
// no terminal; the CLI (src/cli/commands/check.ts) is the I/O shell around it.

export type { CheckBudget } from './budget.js';
export { DEFAULT_MAX_STATES } from './budget.js';
export { checkLinearizability, combineVerdicts, DEFAULT_WITNESS_MAX_STATES } from './check.js';
export type { CheckOptions, CheckResult, KeyResult } from './check.js';
export { eventsToOperations, HistoryError } from './history.js';
export type { EventConventions, HistoryEvent, Operation, Outcome } from './history.js';
export type { Verdict } from './linearizability.js';
export { formatValue, valuesEqual } from './model.js';
export type { ModelOptions, SequentialModel } from './model.js';
export { createModel, isModelName, MODEL_NAMES } from './models/index.js';
export type { ModelName } from './models/index.js';
export { casRegisterModel } from './models/cas-register.js';
export { kvModel } from './models/kv.js';
export { multiRegisterModel } from './models/multi-register.js';
export { registerModel } from './models/register.js';
export { parseEdn } from './parse-edn.js';
export { readHistory } from './read-history.js';
export type { HistoryFormat, ParsedHistory } from './read-history.js';
export { checkRecordedHistory } from './recorded.js';
export type { RecordedCheckOptions, RecordedModelName, RecordedOperation } from './recorded.js';
export { renderTimeline } from './timeline.js';
export type { Witness } from './witness.js';
export { explainWitness } from './explain.js';
