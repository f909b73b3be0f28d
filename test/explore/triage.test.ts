// Triage: failures of one bug are one row (the same expectation and the same set of fault kinds,
// in any order and number), different expectations or kinds are separate rows, in run order.

import { describe, expect, it } from 'vitest';
import { triage } from '../../src/explore/triage.js';

const splitBrain = { kind: 'expectation', expr: 'single-leader' } as const;
const lost = { kind: 'expectation', expr: 'no-lost-writes' } as const;

describe('triage', () => {
  it('groups by failed expectation and the set of fault kinds', () => {
    const groups = triage([
      { index: 9, failure: splitBrain, faults: [{ at: '2s', partition: [['a'], ['b']] }], shrunk: true, file: 'r9.min.yaml' },
      { index: 3, failure: splitBrain, faults: [{ at: '1s', partition: [['b'], ['a']] }, { at: '4s', for: '1s', partition: [['a'], ['c']] }], shrunk: true, file: 'r3.min.yaml' },
      { index: 5, failure: lost, faults: [{ at: '1s', crash: 'a' }, { at: '2s', for: '1s', loss: 0.3, node: 'b' }], shrunk: true, file: 'r5.min.yaml' },
      { index: 7, failure: splitBrain, faults: [{ at: '1s', pause: 'a' }], shrunk: true, file: 'r7.min.yaml' },
      { index: 8, failure: { kind: 'model-error' }, faults: [], shrunk: false, file: null },
    ]);
    expect(groups.map(({ failure, faultKinds, runs, file }) => ({ failure, faultKinds, runs, file }))).toEqual([
      { failure: 'single-leader', faultKinds: ['partition'], runs: [3, 9], file: 'r3.min.yaml' },
      { failure: 'no-lost-writes', faultKinds: ['crash', 'loss'], runs: [5], file: 'r5.min.yaml' },
      { failure: 'single-leader', faultKinds: ['pause'], runs: [7], file: 'r7.min.yaml' },
      { failure: 'the model threw', faultKinds: [], runs: [8], file: null },
    ]);
  });
});
