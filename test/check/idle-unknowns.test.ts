// The search's `skipIdleUnknowns` cuts (used by the witness's trials): on random cas-register
// histories where many outcomes are unknown, the verdict agrees with a brute-force checker and
// with the full search, the failing completion is the same, and far fewer states are explored.

import { describe, expect, it } from 'vitest';
import { BudgetTracker } from '../../src/check/budget.js';
import { casRegisterModel, type Operation } from '../../src/check/index.js';
import { searchLinearization } from '../../src/check/linearizability.js';
import { randomStream } from '../builders/random-index.js';

const model = casRegisterModel({ initialValue: 0 });

/** Random operations (not from a real register: about half the histories are not linearizable). */
function randomHistory(seed: number, count: number): Operation[] {
  const random = randomStream(seed);
  const operations: Operation[] = [];
  for (let id = 0; id < count; id += 1) {
    const callTime = random(60);
    const unknown = random(5) < 2;
    const kind = unknown ? 1 + random(2) : random(3);
    const f = kind === 0 ? 'read' : kind === 1 ? 'write' : 'cas';
    const input = f === 'read' ? null : f === 'write' ? random(3) : [random(3), random(3)];
    const output = f === 'read' ? random(3) : f === 'write' ? input : unknown ? undefined : random(3) > 0;
    operations.push({
      id,
      process: id,
      f,
      input,
      output,
      outcome: unknown ? 'unknown' : 'ok',
      callTime,
      returnTime: unknown ? Infinity : callTime + 1 + random(20),
    });
  }
  return operations;
}

/** Tries every order; an operation of unknown outcome may also never take effect. */
function bruteForceLinearizable(operations: readonly Operation[]): boolean {
  const used = new Array<boolean>(operations.length).fill(false);
  const definiteLeft = (): boolean => operations.some((operation, index) => !used[index] && operation.returnTime !== Infinity);
  const search = (state: unknown): boolean => {
    if (!definiteLeft()) return true;
    for (let index = 0; index < operations.length; index += 1) {
      if (used[index]) continue;
      const candidate = operations[index];
      const blocked = operations.some((other, otherIndex) => !used[otherIndex] && other.returnTime < candidate.callTime);
      if (blocked) continue;
      const next = model.step(state, candidate);
      if (next === undefined) continue;
      used[index] = true;
      const found = search(next);
      used[index] = false;
      if (found) return true;
    }
    return false;
  };
  return search(model.init());
}

const search = (operations: readonly Operation[], skipIdleUnknowns: boolean) =>
  searchLinearization(operations, model, BudgetTracker.from({}), { skipIdleUnknowns });

describe('search with skipIdleUnknowns', () => {
  it('agrees with a brute-force checker (400 seeds, 7 operations, 40% unknown)', () => {
    let violations = 0;
    for (let seed = 1; seed <= 400; seed += 1) {
      const history = randomHistory(seed, 7);
      const expected = bruteForceLinearizable(history) ? 'linearizable' : 'not-linearizable';
      expect(search(history, true).verdict, `seed ${seed}`).toBe(expected);
      expect(search(history, false).verdict, `seed ${seed}`).toBe(expected);
      if (expected === 'not-linearizable') violations += 1;
    }
    expect(violations).toBeGreaterThan(50);
    expect(violations).toBeLessThan(350);
  });

  it('finds the same verdict and failing completion as the full search, in fewer states (300 seeds, 24 operations)', () => {
    let fullStates = 0;
    let skippingStates = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const history = randomHistory(seed, 24);
      const full = search(history, false);
      const skipping = search(history, true);
      expect(skipping.verdict, `seed ${seed}`).toBe(full.verdict);
      expect(skipping.failure?.operation.id, `seed ${seed}`).toBe(full.failure?.operation.id);
      fullStates += full.statesExplored;
      skippingStates += skipping.statesExplored;
    }
    expect(skippingStates).toBeLessThan(fullStates / 2);
  });
});
