import { describe, expect, it } from 'vitest';
import { linearizableCheck, sequentialModelFor } from '../../src/checks/linearizable.js';
import type { RecordedOperation } from '../../src/model/facts.js';

const op = (timeUs: number, process: number, type: RecordedOperation['type'], f: string, value?: unknown): RecordedOperation =>
  value === undefined ? { timeUs, process, type, f, key: 'x' } : { timeUs, process, type, f, key: 'x', value };

const facts = (history: RecordedOperation[]) => ({ history, historyTruncated: false, metrics: {}, modelConfig: null });

describe('linearizable check', () => {
  it('accepts a history in which a read sees a completed write', () => {
    const history = [op(0, 1, 'invoke', 'put', 'a'), op(10, 1, 'ok', 'put', 'a'), op(20, 2, 'invoke', 'get'), op(30, 2, 'ok', 'get', 'a')];
    expect(sequentialModelFor(history)).toBe('kv');
    expect(linearizableCheck(facts(history))).toEqual({ ok: true, observed: 'linearizable' });
  });

  it('rejects a stale read after an acknowledged write, with a witness in simulated ms', () => {
    const history = [
      op(0, 1, 'invoke', 'put', 'a'),
      op(10_000, 1, 'ok', 'put', 'a'),
      op(20_000, 2, 'invoke', 'get'),
      op(30_000, 2, 'ok', 'get', ''),
    ];
    const outcome = linearizableCheck(facts(history));
    expect(outcome.ok).toBe(false);
    expect(outcome.observed).toBe('not-linearizable');
    const witness = outcome.witness as { operations: { f: string; invokedMs: number; completedMs: number }[] };
    expect(outcome.marks).toEqual([{ atMs: 30, label: 'get x by 2: no order of the operations explains it' }]);
    expect(witness.operations.map((o) => [o.f, o.invokedMs, o.completedMs])).toEqual([
      ['put', 0, 10],
      ['get', 20, 30],
    ]);
  });

  it('answers unknown for a truncated history', () => {
    expect(linearizableCheck({ ...facts([]), historyTruncated: true }).ok).toBe(false);
  });
});
