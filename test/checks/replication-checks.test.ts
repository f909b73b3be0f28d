// The replication checks on hand-built histories and facts.

import { describe, expect, it } from 'vitest';
import { convergedCheck } from '../../src/checks/converged.js';
import { findUnreadableWrites, noLostWritesCheck } from '../../src/checks/lost-writes.js';
import type { RecordedFacts, RecordedOperation } from '../../src/model/facts.js';
import { singleLeaderCheck } from '../../src/checks/single-leader.js';
import { findStaleReads } from '../../src/checks/stale-reads.js';

type Step = [process: number, type: RecordedOperation['type'], f: string, key: string, value: unknown, timeUs: number];
const history = (...steps: Step[]): RecordedOperation[] =>
  steps.map(([process, type, f, key, value, timeUs]) => ({ process, type, f, key, ...(value === undefined ? {} : { value }), timeUs }));
const facts = (overrides: Partial<RecordedFacts>): RecordedFacts => ({ history: [], historyTruncated: false, metrics: {}, modelConfig: null, ...overrides });

describe('no-lost-writes from the discarded writes a model records', () => {
  // k: write 1 acknowledged, then write 2 acknowledged, then write 3 (unknown outcome); the final read sees 3.
  const h = history(
    [1, 'invoke', 'write', 'k', 1, 0], [1, 'ok', 'write', 'k', 1, 10],
    [2, 'invoke', 'write', 'k', 2, 20], [2, 'ok', 'write', 'k', 2, 30],
    [3, 'invoke', 'write', 'k', 3, 40], [3, 'info', 'write', 'k', 3, 50],
    [4, 'invoke', 'read', 'k', undefined, 100], [4, 'ok', 'read', 'k', 3, 110],
  );
  const discarded = (...values: number[]) => values.map((value) => ({ key: 'k', value, cause: 'truncated', reason: `reason ${value}` }));

  it('counts an acknowledged write the model discarded, though a later write overwrote it', () => {
    expect(findUnreadableWrites(h, 100)).toEqual([]); // what the final reads alone would say
    const outcome = noLostWritesCheck(facts({ history: h, finalReadsFromUs: 100, modelFacts: { discardedWrites: discarded(2, 1) } }));
    expect(outcome.ok).toBe(false);
    expect(outcome.observed).toBe('2 lost');
    // In order of acknowledgement, with when and why.
    const witness = outcome.witness as { lostWrites: unknown[]; explanation: string };
    expect(witness.lostWrites).toEqual([
      { key: 'k', value: 1, invokedMs: 0, acknowledgedMs: 0.01, reason: 'reason 1' },
      { key: 'k', value: 2, invokedMs: 0.02, acknowledgedMs: 0.03, reason: 'reason 2' },
    ]);
    expect(witness.explanation).toBe('write 1 to k was acknowledged at 0.01ms and discarded: reason 1');
    expect(outcome.marks?.map((mark) => mark.label)).toEqual(['write 1 to k acknowledged, later lost (truncated)', 'write 2 to k acknowledged, later lost (truncated)']);
  });

  it('ignores discarded writes the client was never told about (unknown outcome) and writes of another key', () => {
    const outcome = noLostWritesCheck(facts({ history: h, modelFacts: { discardedWrites: [...discarded(3), { key: 'j', value: 1, cause: 'x', reason: '' }] } }));
    expect(outcome).toEqual({ ok: true, observed: '0 lost' });
  });

  it('is unknown when the model could not track every write', () => {
    expect(noLostWritesCheck(facts({ history: h, modelFacts: { discardedWrites: null } })).observed).toBe('unknown (too many writes to track)');
  });
});

describe('no-lost-writes from the final reads, for a model that records no discarded writes', () => {
  it('an acknowledged write the final read does not see, overwritten by nothing later, is lost', () => {
    const h = history(
      [1, 'invoke', 'write', 'k', 1, 0], [1, 'ok', 'write', 'k', 1, 10],
      [2, 'invoke', 'write', 'k', 2, 20], [2, 'ok', 'write', 'k', 2, 30],
      [3, 'invoke', 'read', 'k', undefined, 100], [3, 'ok', 'read', 'k', 1, 110],
    );
    expect(findUnreadableWrites(h, 100).map((lost) => lost.write.written)).toEqual([2]);
    const outcome = noLostWritesCheck(facts({ history: h, finalReadsFromUs: 100 }));
    expect(outcome.ok).toBe(false);
    expect(outcome.observed).toBe('1 lost');
  });

  it('a later write supersedes, a concurrent one may win, an unknown one may have taken effect', () => {
    const h = history(
      [1, 'invoke', 'write', 'k', 1, 0], [2, 'invoke', 'write', 'k', 2, 5], [1, 'ok', 'write', 'k', 1, 10], [2, 'ok', 'write', 'k', 2, 12],
      [3, 'invoke', 'write', 'j', 3, 0], [3, 'ok', 'write', 'j', 3, 5], [4, 'invoke', 'write', 'j', 4, 6],
      [5, 'invoke', 'read', 'k', undefined, 100], [5, 'ok', 'read', 'k', 1, 110],
      [6, 'invoke', 'read', 'j', undefined, 100], [6, 'ok', 'read', 'j', 4, 110],
    );
    expect(findUnreadableWrites(h, 100)).toEqual([]);
    expect(noLostWritesCheck(facts({ history: h, finalReadsFromUs: 100 })).ok).toBe(true);
  });

  it('without final reads the answer is unknown', () => {
    expect(noLostWritesCheck(facts({})).observed).toBe('unknown (no final reads)');
  });
});

describe('stale reads', () => {
  it('a read returning a value older than one acknowledged before it began is stale', () => {
    const h = history(
      [1, 'invoke', 'write', 'k', 1, 0], [1, 'ok', 'write', 'k', 1, 10],
      [2, 'invoke', 'write', 'k', 2, 20], [4, 'invoke', 'read', 'k', undefined, 25], [2, 'ok', 'write', 'k', 2, 30],
      [3, 'invoke', 'read', 'k', undefined, 40], [3, 'ok', 'read', 'k', 1, 50],
      [4, 'ok', 'read', 'k', 1, 50],
      [5, 'invoke', 'read', 'k', undefined, 40], [5, 'ok', 'read', 'k', null, 50],
    );
    const { readCount, stale } = findStaleReads(h);
    expect(readCount).toBe(3);
    expect(stale.map((s) => s.read.process)).toEqual([3, 5]);
  });
});

describe('single-leader', () => {
  const term = (node: string, epoch: number, fromUs: number, toUs: number, writeAcksUs: number[]) => ({ node, epoch, fromUs, toUs, writeAcksUs });

  it('two leaders acknowledging writes during an overlap is split brain', () => {
    const outcome = singleLeaderCheck(facts({ modelFacts: { leaderTerms: [term('a', 1, 0, 100, [50]), term('b', 2, 40, 200, [60])] } }));
    expect(outcome.ok).toBe(false);
    expect((outcome.witness as { fromMs: number }).fromMs).toBe(0.04);
  });

  it('an overlap of belief without writes on both sides, or a handover, is not', () => {
    const overlapOneSided = [term('a', 1, 0, 100, [10]), term('b', 2, 40, 200, [60])];
    expect(singleLeaderCheck(facts({ modelFacts: { leaderTerms: overlapOneSided } })).ok).toBe(true);
    const handover = [term('a', 1, 0, 100, [50]), term('b', 2, 100, 200, [150])];
    expect(singleLeaderCheck(facts({ modelFacts: { leaderTerms: handover } })).ok).toBe(true);
  });
});

describe('converged', () => {
  it('names the first key on which replicas differ', () => {
    const replicaStates = [
      { node: 'a', entries: [['k1', 1], ['k2', 2]] as [string, unknown][] },
      { node: 'b', entries: [['k1', 1], ['k2', 3]] as [string, unknown][] },
    ];
    const outcome = convergedCheck(facts({ modelFacts: { replicaStates } }));
    expect(outcome.ok).toBe(false);
    expect(outcome.witness).toMatchObject({ key: 'k2', values: { a: 2, b: 3 } });
    expect(convergedCheck(facts({ modelFacts: { replicaStates: [replicaStates[0]!, { ...replicaStates[0]!, node: 'b' }] } })).ok).toBe(true);
  });
});
