// Property tests: histories produced by running a real sequential register are linearizable;
// corrupting one read often makes them not, and a brute-force checker agrees on small ones.

import { describe, expect, it } from 'vitest';
import { casRegisterModel, checkLinearizability, type Operation } from '../../src/check/index.js';
import { randomStream } from '../builders/random-index.js';

/**
 * Runs `processCount` clients against one real register: each operation takes effect at a
 * random instant inside its [call, return] interval, so the history is linearizable by construction.
 */
function generateHistory(seed: number, operationCount: number, processCount: number): Operation[] {
  const random = randomStream(seed);
  const events: { time: number; apply: () => void }[] = [];
  const operations: Operation[] = [];
  let register: number = 0;
  for (let id = 0; id < operationCount; id += 1) {
    const callTime = random(100);
    const returnTime = callTime + 1 + random(30);
    const effectTime = callTime + random(returnTime - callTime) + 0.5;
    const kind = random(3);
    const value = random(3);
    const operation: { -readonly [K in keyof Operation]: Operation[K] } = {
      id,
      process: id % processCount,
      f: kind === 0 ? 'write' : kind === 1 ? 'read' : 'cas',
      input: kind === 0 ? value : kind === 2 ? [value, random(3)] : null,
      output: undefined,
      outcome: 'ok',
      callTime,
      returnTime,
    };
    operations.push(operation);
    events.push({
      time: effectTime,
      apply: () => {
        if (operation.f === 'write') register = value;
        else if (operation.f === 'read') operation.output = register;
        else {
          const [from, to] = operation.input as [number, number];
          operation.output = register === from;
          if (register === from) register = to;
        }
      },
    });
  }
  events.sort((a, b) => a.time - b.time).forEach((event) => event.apply());
  return operations;
}

/** Tries every order of the operations (small histories only). */
function bruteForceLinearizable(operations: readonly Operation[]): boolean {
  const model = casRegisterModel({ initialValue: 0 });
  const used = new Array<boolean>(operations.length).fill(false);
  const search = (state: unknown, placed: number): boolean => {
    if (placed === operations.length) return true;
    for (let index = 0; index < operations.length; index += 1) {
      if (used[index]) continue;
      const candidate = operations[index];
      // Real-time order: nothing still unplaced may have returned before this one was called.
      const blocked = operations.some(
        (other, otherIndex) => !used[otherIndex] && otherIndex !== index && other.returnTime < candidate.callTime,
      );
      if (blocked) continue;
      const next = model.step(state, candidate);
      if (next === undefined) continue;
      used[index] = true;
      const found = search(next, placed + 1);
      used[index] = false;
      if (found) return true;
    }
    return false;
  };
  return search(model.init(), 0);
}

function corruptOneRead(operations: readonly Operation[], seed: number): Operation[] {
  const random = randomStream(seed);
  const reads = operations.filter((operation) => operation.f === 'read');
  if (reads.length === 0) return [...operations];
  const target = reads[random(reads.length)];
  return operations.map((operation) =>
    operation === target ? { ...operation, output: ((operation.output as number) + 1 + random(2)) % 3 } : operation,
  );
}

describe('property: histories of a real register', () => {
  const model = casRegisterModel({ initialValue: 0 });

  it('are always linearizable (300 seeds, 40 operations, 5 processes)', () => {
    for (let seed = 1; seed <= 300; seed += 1) {
      const history = generateHistory(seed, 40, 5);
      const result = checkLinearizability(history, model, { witness: false });
      expect(result.verdict, `seed ${seed}`).toBe('linearizable');
    }
  });

  it('agree with a brute-force checker when one read is corrupted (300 seeds, 7 operations)', () => {
    let violations = 0;
    for (let seed = 1; seed <= 300; seed += 1) {
      const history = corruptOneRead(generateHistory(seed, 7, 3), seed * 7919);
      const expected = bruteForceLinearizable(history) ? 'linearizable' : 'not-linearizable';
      const result = checkLinearizability(history, model);
      expect(result.verdict, `seed ${seed}`).toBe(expected);
      if (result.verdict === 'not-linearizable') {
        violations += 1;
        // The witness, with the other writes weakened to unknown outcomes, is itself a proof.
        const witness = result.witness;
        expect(witness?.operations.length, `seed ${seed}`).toBeGreaterThan(0);
        const weakened = (witness?.weakened ?? []).map((operation) => ({
          ...operation,
          outcome: 'unknown' as const,
          output: undefined,
          returnTime: Infinity,
        }));
        const proof = checkLinearizability([...(witness?.operations ?? []), ...weakened], model, { witness: false });
        expect(proof.verdict, `seed ${seed}`).toBe('not-linearizable');
      }
    }
    // Corrupting a read usually breaks linearizability.
    expect(violations).toBeGreaterThan(100);
  });
});
