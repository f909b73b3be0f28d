// `converged` with ring placement: only a key's home replicas must agree (a home replica that
// lacks the key holds null); replicas outside the key's placement are not compared.

import { describe, expect, it } from 'vitest';
import { convergedCheck } from '../../src/checks/converged.js';
import type { RecordedFacts } from '../../src/model/facts.js';

const facts = (modelFacts: unknown): RecordedFacts => ({ history: [], historyTruncated: false, metrics: {}, modelConfig: null, modelFacts });
const states = [
  { node: 'r1', entries: [['a', 1], ['b', 7]] as [string, unknown][] },
  { node: 'r2', entries: [['a', 1]] as [string, unknown][] },
  { node: 'r3', entries: [['b', 7]] as [string, unknown][] },
];

describe('converged with placement', () => {
  it('replicas outside a key placement do not count', () => {
    const placement = [
      { key: 'a', replicas: ['r1', 'r2'] },
      { key: 'b', replicas: ['r1', 'r3'] },
    ];
    expect(convergedCheck(facts({ replicaStates: states, placement })).ok).toBe(true);
    // Without placement every replica stores every key: r3 lacks a, r2 lacks b.
    expect(convergedCheck(facts({ replicaStates: states })).observed).toBe('2 keys differ');
  });

  it('a home replica that lacks the key differs, and the witness names only home replicas', () => {
    const placement = [
      { key: 'a', replicas: ['r1', 'r2'] },
      { key: 'b', replicas: ['r1', 'r2'] },
    ];
    const outcome = convergedCheck(facts({ replicaStates: states, placement }));
    expect(outcome.ok).toBe(false);
    expect(outcome.witness).toEqual({ explanation: 'replicas disagree on b at the end (1 keys differ in all)', key: 'b', values: { r1: 7, r2: null } });
  });
});
