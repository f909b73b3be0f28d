// The `linearizable` expectation: checks the history a model recorded (ctx.history.record) with
// the linearizability checker of src/check. The sequential model follows from the operations:
// get/put/append → key-value store (checked per key); cas → compare-and-set register; else a
// read/write register. A violation's witness names the operations with their simulated times.

// From the checker's modules, not its index: the index also brings the history file readers
// (EDN, Jepsen logs), which every `ddsim run` would then load at start-up.
import { explainWitness } from '../check/explain.js';
import { createModel } from '../check/models/index.js';
import { checkRecordedHistory, type RecordedModelName } from '../check/recorded.js';
import type { RecordedOperation } from '../model/facts.js';
import type { Check, CheckOutcome } from './check.js';

export function sequentialModelFor(history: readonly RecordedOperation[]): RecordedModelName {
  if (history.some((op) => op.f === 'get' || op.f === 'put' || op.f === 'append')) return 'kv';
  return history.some((op) => op.f === 'cas') ? 'cas-register' : 'register';
}

export const linearizableCheck: Check = (facts): CheckOutcome => {
  if (facts.historyTruncated) return { ok: false, observed: 'unknown (history truncated)' };
  const modelName = sequentialModelFor(facts.history);
  const result = checkRecordedHistory(facts.history, modelName);
  if (result.verdict !== 'not-linearizable' || !result.witness) {
    return { ok: result.verdict === 'linearizable', observed: result.verdict };
  }
  const witness = result.witness;
  // Operation times are positions in the recorded history: map them back to simulated time.
  const atMs = (position: number): number | null =>
    Number.isFinite(position) ? facts.history[position]!.timeUs / 1000 : null;
  const failing = witness.failingOperation;
  const failingMs = atMs(failing.returnTime);
  return {
    ok: false,
    observed: result.verdict,
    marks:
      failingMs === null
        ? []
        : [{ atMs: failingMs, label: `${failing.f}${failing.key === undefined ? '' : ` ${failing.key}`} by ${failing.process}: no order of the operations explains it` }],
    witness: {
      model: modelName,
      key: witness.key,
      explanation: explainWitness(witness, createModel(modelName)),
      operations: witness.operations.map((op) => ({
        process: op.process,
        f: op.f,
        ...(op.key === undefined ? {} : { key: op.key }),
        input: op.input ?? null,
        output: op.output ?? null,
        outcome: op.outcome,
        invokedMs: atMs(op.callTime),
        completedMs: atMs(op.returnTime),
      })),
    },
  };
};
