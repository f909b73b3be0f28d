// The search's memo (linearized-memo.ts), step cache (transition-table.ts) and state numbering by
// hash (state-interner.ts with the kv model's stateHash): unit tests of each (hash collisions,
// growth), and, over the shared etcd and kv histories (skipped when ../shared is absent), the
// search run with a model whose states are fresh boxed objects (so no state is ever identical to
// another, and every lookup goes through stateKey, not stateHash) reaches the same verdict after
// exactly as many states as the built-in model; the witness exists only for failing histories.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLinearizability, createModel, readHistory, type SequentialModel } from '../../src/check/index.js';
import { LinearizedMemo, operationCode } from '../../src/check/linearized-memo.js';
import { kvModel } from '../../src/check/models/kv.js';
import { HashedStateInterner } from '../../src/check/state-interner.js';
import { NOT_STEPPED, STEP_INVALID, TransitionTable } from '../../src/check/transition-table.js';

describe('LinearizedMemo', () => {
  it('tells apart sets with equal hashes and states with equal sets, across growth', () => {
    const memo = new LinearizedMemo(2);
    const bits = (a: number, b: number): Uint32Array => Uint32Array.from([a, b]);
    for (let i = 0; i < 5000; i++) {
      expect(memo.contains(i % 7, 42, bits(i, 0))).toBe(false);
      memo.add(i % 7, 42, bits(i, 0)); // one hash for every entry: a worst-case collision chain
    }
    for (let i = 0; i < 5000; i++) {
      expect(memo.contains(i % 7, 42, bits(i, 0))).toBe(true);
      expect(memo.contains((i + 1) % 7, 42, bits(i, 0))).toBe(false);
      expect(memo.contains(i % 7, 42, bits(i, 1))).toBe(false);
    }
    expect(memo.size).toBe(5000);
  });
  it('gives operations distinct codes', () => {
    const codes = new Set(Array.from({ length: 100_000 }, (_, i) => operationCode(i)));
    expect(codes.size).toBe(100_000);
  });
});

describe('reused tables (search-tables.ts hands them from one search to the next)', () => {
  it('LinearizedMemo.reset forgets every pair and takes bitsets of another length', () => {
    const memo = new LinearizedMemo(1);
    for (let i = 0; i < 3000; i++) memo.add(i % 5, i, Uint32Array.of(i));
    memo.reset(3);
    expect(memo.size).toBe(0);
    for (let i = 0; i < 3000; i++) {
      expect(memo.contains(i % 5, i, Uint32Array.of(i, 0, 0))).toBe(false);
      memo.add(i % 5, i, Uint32Array.of(i, 1, i));
    }
    for (let i = 0; i < 3000; i++) expect(memo.contains(i % 5, i, Uint32Array.of(i, 1, i))).toBe(true);
  });
  it('TransitionTable.reset forgets every step, also in rows it grows into later', () => {
    const table = new TransitionTable(5);
    for (let state = 0; state < 256; state++) for (let operation = 0; operation < 5; operation++) table.set(state, operation, 7);
    for (const operationCount of [3, 40, 1 << 15]) {
      table.reset(operationCount);
      for (let state = 0; state < 600; state++) {
        for (let operation = 0; operation < 3; operation++) {
          expect(table.get(state, operation)).toBe(NOT_STEPPED);
          table.set(state, operation, state);
        }
      }
      for (let state = 0; state < 600; state++) expect(table.get(state, 2)).toBe(state);
    }
  });
});

describe('TransitionTable', () => {
  // Hashed only; dense rows for every state here; dense rows for states 0 and 1, hashed beyond.
  it.each([0, 20, 1 << 15])('remembers each (state, operation) step, valid or not, across growth (%i operations)', (operationCount) => {
    const table = new TransitionTable(operationCount);
    for (let state = 0; state < 300; state++) {
      for (let operation = 0; operation < 20; operation++) {
        expect(table.get(state, operation)).toBe(NOT_STEPPED);
        table.set(state, operation, operation % 3 === 0 ? STEP_INVALID : state * 20 + operation);
      }
    }
    for (let state = 0; state < 300; state++) {
      for (let operation = 0; operation < 20; operation++) {
        expect(table.get(state, operation)).toBe(operation % 3 === 0 ? STEP_INVALID : state * 20 + operation);
      }
    }
    expect(table.get(300, 0)).toBe(NOT_STEPPED);
  });
});

describe('StateInterner with a stateHash', () => {
  const kv = kvModel();
  const append = (input: string) => ({ id: 0, process: 0, f: 'append', key: 'k', input, output: undefined, outcome: 'ok' as const, callTime: 0, returnTime: 1 });
  const put = (input: string) => ({ ...append(input), f: 'put' });
  it("kv: a value's hash does not depend on how the value was built", () => {
    const byAppends = kv.step(kv.step(kv.init(), append('ab'))!, append('c'))!;
    const byPut = kv.step(kv.init(), put('abc'))!;
    expect(byAppends.value).toBe(byPut.value);
    expect(kv.stateHash!(byAppends)).toBe(kv.stateHash!(byPut));
  });
  it('gives equal states one id and unequal ones distinct ids, even when every hash collides, across growth', () => {
    const colliding = { ...kv, stateHash: () => 7 };
    for (const model of [kv, colliding]) {
      const interner = new HashedStateInterner(model);
      const ids = Array.from({ length: 300 }, (_, i) => interner.idOf(kv.step(kv.init(), put(`v${i}`))!));
      expect(new Set(ids).size).toBe(300);
      for (let i = 0; i < 300; i++) {
        const rebuilt = kv.step(kv.step(kv.init(), put('v'))!, append(String(i)))!;
        expect(interner.idOf(rebuilt)).toBe(ids[i]);
        expect(interner.stateOf(ids[i]!).value).toBe(`v${i}`);
      }
    }
  });
});

/**
 * The model with every state boxed afresh: equal only by stateKey, never identical (and without
 * the model's stateHash, so that the search numbers states by key).
 */
function boxed(model: SequentialModel<unknown>): SequentialModel<{ readonly value: unknown }> {
  const { stateHash: _hash, statesEqual: _equal, ...byKey } = model;
  return {
    ...byKey,
    init: () => ({ value: model.init() }),
    step: (state, operation) => {
      const next = model.step(state.value, operation);
      return next === undefined ? undefined : { value: next };
    },
    stateKey: (state) => `boxed ${model.stateKey(state.value)}`,
    describeState: (state) => model.describeState(state.value),
  };
}

const sharedData = new URL('../../../shared/testdata/porcupine/', import.meta.url);
const present = existsSync(sharedData);
if (!present) console.log(`shared-history search tests skipped: ${sharedData.pathname} is absent`);

function sharedFiles(): URL[] {
  const list = (folder: string, pattern: RegExp): URL[] =>
    readdirSync(new URL(folder, sharedData))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => new URL(`${folder}${name}`, sharedData));
  return [...list('jepsen/', /^etcd_.*\.log$/), ...list('kv/', /\.txt$/)];
}

describe.skipIf(!present)('the search on the shared etcd and kv histories', () => {
  it('boxed states: same verdict and states explored per key; a witness exactly for violations', () => {
    const files = sharedFiles();
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const history = readHistory(readFileSync(file, 'utf8'));
      const model = createModel(history.suggestedModel, { initialValue: history.initialValue });
      const fast = checkLinearizability(history.operations, model);
      const slow = checkLinearizability(history.operations, boxed(model), { witness: false });
      expect(slow.verdict, file.pathname).toBe(fast.verdict);
      expect(slow.perKey.map((key) => key.statesExplored), file.pathname).toEqual(fast.perKey.map((key) => key.statesExplored));
      expect(fast.witness !== undefined, file.pathname).toBe(fast.verdict === 'not-linearizable');
    }
  });
});
