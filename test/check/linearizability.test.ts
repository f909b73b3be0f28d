import { describe, expect, it } from 'vitest';
import {
  casRegisterModel,
  checkLinearizability,
  eventsToOperations,
  kvModel,
  registerModel,
  type HistoryEvent,
} from '../../src/check/index.js';
import { op, read, write } from './builders.js';

const zeroRegister = registerModel({ initialValue: 0 });

describe('checkLinearizability on a register', () => {
  it('accepts the classic linearizable history', () => {
    const history = [write(0, 100, [0, 100]), read(1, 100, [25, 75]), read(2, 0, [30, 60])];
    expect(checkLinearizability(history, zeroRegister).verdict).toBe('linearizable');
  });

  it('rejects the classic stale read and explains it', () => {
    const history = [write(0, 200, [0, 100]), read(1, 200, [10, 30]), read(2, 0, [40, 90])];
    const result = checkLinearizability(history, zeroRegister);
    expect(result.verdict).toBe('not-linearizable');
    // The write stays in the explanation as "may have happened at any time after its call".
    expect(result.witness?.operations).toEqual([history[1], history[2]]);
    expect(result.witness?.weakened).toEqual([history[0]]);
    expect(result.witness?.failingOperation.id).toBe(history[2].id);
  });

  it('treats touching intervals as concurrent', () => {
    const history = [write(0, 1, [0, 10]), read(1, 0, [10, 20])];
    expect(checkLinearizability(history, zeroRegister).verdict).toBe('linearizable');
  });

  it('lets an unknown write take effect late, or never', () => {
    const late = [op(0, 'write', { input: 1 }, [0, 0], 'unknown'), read(1, 0, [5, 6]), read(1, 1, [7, 8])];
    expect(checkLinearizability(late, zeroRegister).verdict).toBe('linearizable');
    const never = [op(0, 'write', { input: 1 }, [0, 0], 'unknown'), read(1, 0, [5, 6])];
    expect(checkLinearizability(never, zeroRegister).verdict).toBe('linearizable');
    const notBeforeCall = [read(1, 1, [0, 1]), op(0, 'write', { input: 1 }, [5, 0], 'unknown')];
    expect(checkLinearizability(notBeforeCall, zeroRegister).verdict).toBe('not-linearizable');
  });

  it('ignores failed operations', () => {
    const history = [op(0, 'write', { input: 1 }, [0, 1], 'fail'), read(1, 1, [2, 3])];
    expect(checkLinearizability(history, zeroRegister).verdict).toBe('not-linearizable');
  });

  it('returns unknown when the state budget runs out', () => {
    const history = Array.from({ length: 12 }, (_, index) => write(index, index, [0, 100]));
    history.push(read(99, 'never written', [200, 201]));
    const result = checkLinearizability(history, zeroRegister, { maxStates: 50, witness: false });
    expect(result.verdict).toBe('unknown');
    expect(result.statesExplored).toBeLessThanOrEqual(50);
  });

  it('honours a time budget through an injected clock', () => {
    let nowMs = 0;
    const history = Array.from({ length: 16 }, (_, index) => write(index, index, [0, 100]));
    history.push(read(99, 'never written', [200, 201]));
    const clock = (): number => (nowMs += 1);
    const result = checkLinearizability(history, zeroRegister, { timeoutMs: 5, clock, witness: false });
    expect(result.verdict).toBe('unknown');
  });
});

describe('checkLinearizability on a cas register', () => {
  const cas = casRegisterModel({ initialValue: 0 });
  it('distinguishes a cas that swapped from one whose compare failed', () => {
    const swapped = [op(0, 'cas', { input: [0, 1], output: true }, [0, 1]), read(1, 1, [2, 3])];
    expect(checkLinearizability(swapped, cas).verdict).toBe('linearizable');
    const mismatch = [op(0, 'cas', { input: [0, 1], output: false }, [0, 1])];
    expect(checkLinearizability(mismatch, cas).verdict).toBe('not-linearizable');
    const unknown = [op(0, 'cas', { input: [0, 1] }, [0, 1], 'unknown'), read(1, 1, [2, 3])];
    expect(checkLinearizability(unknown, cas).verdict).toBe('linearizable');
  });
});

describe('checkLinearizability on a key-value store', () => {
  const kv = kvModel();
  it('checks each key on its own and names the violating key', () => {
    const history = [
      op(0, 'append', { key: 'a', input: 'x' }, [0, 1]),
      op(1, 'get', { key: 'b', output: '' }, [2, 3]),
      op(1, 'get', { key: 'a', output: '' }, [4, 5]),
    ];
    const result = checkLinearizability(history, kv);
    expect(result.verdict).toBe('not-linearizable');
    expect(result.witness?.key).toBe('a');
    expect(result.perKey.map((key) => key.key)).toEqual(['a', 'b']);
  });
});

describe('eventsToOperations', () => {
  const events: HistoryEvent[] = [
    { process: 0, type: 'invoke', f: 'cas', value: [0, 1] },
    { process: 1, type: 'invoke', f: 'write', value: 5 },
    { process: 0, type: 'fail', f: 'cas', value: [0, 1] },
    { process: 1, type: 'info', f: 'write', value: 5 },
    { process: 2, type: 'invoke', f: 'read', value: null },
    { process: 2, type: 'ok', f: 'read', value: null },
  ];
  it('follows the etcd conventions: a failed cas is a compare that did not match; nil is absent', () => {
    const operations = eventsToOperations(events, { failedCas: 'compare-mismatch', nilRead: 'absent' });
    expect(operations.map((o) => [o.f, o.outcome, o.output])).toEqual([
      ['cas', 'ok', false],
      ['write', 'unknown', undefined],
      ['read', 'ok', null],
    ]);
    expect(operations[1].returnTime).toBe(Infinity);
  });
  it('follows the Knossos conventions: a failed cas did not happen; a nil read is unknown', () => {
    const operations = eventsToOperations(events, { failedCas: 'no-effect', nilRead: 'unknown' });
    expect(operations.map((o) => [o.f, o.outcome, o.output])).toEqual([
      ['cas', 'fail', undefined],
      ['write', 'unknown', undefined],
      ['read', 'ok', undefined],
    ]);
  });
  it('rejects a completion without an invocation', () => {
    expect(() =>
      eventsToOperations([{ process: 3, type: 'ok', f: 'read', value: 1, line: 7 }], {
        failedCas: 'no-effect',
        nilRead: 'unknown',
      }),
    ).toThrow(/without a pending invocation/);
  });
});
