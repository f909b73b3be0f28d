// The consensus checks on hand-built facts: election-safety (one leader per term) and
// state-machine-safety (one entry per index), with their witnesses, and "unknown" when the model
// recorded nothing or more than it kept.

import { describe, expect, it } from 'vitest';
import { electionSafetyCheck, findTwoLeaderTerms } from '../../src/checks/election-safety.js';
import { findDivergentApplications, stateMachineSafetyCheck } from '../../src/checks/state-machine-safety.js';
import { findCheck } from '../../src/checks/registry.js';
import type { AppliedEntry, ConsensusFacts, LeaderElected } from '../../src/model/consensus-facts.js';
import type { RecordedFacts } from '../../src/model/facts.js';

const facts = (modelFacts: ConsensusFacts | undefined): RecordedFacts => ({ history: [], historyTruncated: false, metrics: {}, modelConfig: null, modelFacts });
const elected = (term: number, node: string, atMs: number): LeaderElected => ({ term, node, atUs: atMs * 1000 });
const applied = (node: string, index: number, term: number, command: string, atMs: number): AppliedEntry => ({ node, index, term, command, atUs: atMs * 1000 });

describe('election-safety', () => {
  it('holds with one leader per term, the same node winning again in a later term', () => {
    const outcome = electionSafetyCheck(facts({ leadersElected: [elected(1, 'a', 100), elected(2, 'b', 900), elected(3, 'b', 1500)] }));
    expect(outcome).toEqual({ ok: true, observed: 'one leader in each of 3 terms' });
  });

  it('fails when two servers lead the same term, naming the term, both and when', () => {
    const leaders = [elected(1, 'a', 100), elected(2, 'b', 900), elected(2, 'c', 950), elected(3, 'c', 2000)];
    expect(findTwoLeaderTerms(leaders).map(({ first, second }) => [first.term, first.node, second.node])).toEqual([[2, 'b', 'c']]);
    const outcome = electionSafetyCheck(facts({ leadersElected: leaders }));
    expect(outcome.ok).toBe(false);
    expect(outcome.observed).toBe('1 term with two leaders');
    expect(outcome.witness).toEqual({
      explanation: 'b became leader of term 2 at 900ms, and c became leader of the same term at 950ms',
      term: 2,
      leaders: [{ node: 'b', electedMs: 900 }, { node: 'c', electedMs: 950 }],
    });
    expect(outcome.marks).toEqual([{ atMs: 950, label: 'c elected in term 2, which b already leads' }]);
  });

  it('is unknown without facts, or when the model kept only some of the elections', () => {
    expect(electionSafetyCheck(facts(undefined)).observed).toBe('unknown (the model records no elections)');
    const truncated = electionSafetyCheck(facts({ leadersElected: [elected(1, 'a', 1)], leadersElectedTruncated: true }));
    expect(truncated).toEqual({ ok: false, observed: 'unknown (too many elections recorded)' });
  });
});

describe('state-machine-safety', () => {
  it('holds when every server applies the same entry at each index (re-applying after a restart too)', () => {
    const entries = [
      applied('a', 1, 1, 'noop', 10), applied('b', 1, 1, 'noop', 11),
      applied('a', 2, 1, 'write k1=4 (request 1)', 20), applied('b', 2, 1, 'write k1=4 (request 1)', 22),
    ];
    expect(stateMachineSafetyCheck(facts({ applied: entries }))).toEqual({ ok: true, observed: '2 indexes, one entry each' });
  });

  it('fails when two servers apply different entries at one index, or the same command from another term', () => {
    const entries = [
      applied('a', 1, 1, 'noop', 10), applied('b', 1, 1, 'noop', 11),
      applied('a', 2, 1, 'write k1=4 (request 1)', 20), applied('b', 2, 2, 'write k1=9 (request 3)', 40),
      applied('a', 3, 2, 'noop', 50), applied('c', 3, 3, 'noop', 60),
    ];
    expect(findDivergentApplications(entries).map(({ first, second }) => [first.index, first.node, second.node])).toEqual([[2, 'a', 'b'], [3, 'a', 'c']]);
    const outcome = stateMachineSafetyCheck(facts({ applied: entries }));
    expect(outcome.ok).toBe(false);
    expect(outcome.observed).toBe('2 indexes differ');
    expect(outcome.witness).toEqual({
      explanation: 'at index 2, a applied "write k1=4 (request 1)" (term 1) at 20ms, but b applied "write k1=9 (request 3)" (term 2) at 40ms',
      index: 2,
      applications: [
        { node: 'a', term: 1, command: 'write k1=4 (request 1)', appliedMs: 20 },
        { node: 'b', term: 2, command: 'write k1=9 (request 3)', appliedMs: 40 },
      ],
    });
  });

  it('is unknown without facts, or when the model kept only some of the applications', () => {
    expect(stateMachineSafetyCheck(facts({})).observed).toBe('unknown (the model records no applied entries)');
    expect(stateMachineSafetyCheck(facts({ applied: [], appliedTruncated: true })).observed).toBe('unknown (too many applied entries recorded)');
  });

  it('both checks are registered by name', () => {
    expect(findCheck('election-safety')).toBe(electionSafetyCheck);
    expect(findCheck('state-machine-safety')).toBe(stateMachineSafetyCheck);
  });
});
