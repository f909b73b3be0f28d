// The `election-safety` expectation (Raft's Election Safety, Figure 3): at most one leader is
// elected in any term. Violated when two different servers won the election of the same term;
// the witness names the term, both servers and when each became leader. Pure.

import type { Check, CheckOutcome } from './check.js';
import { consensusFacts, type LeaderElected } from '../model/consensus-facts.js';

export interface TwoLeaders {
  readonly first: LeaderElected;
  readonly second: LeaderElected;
}

/** Every term with more than one leader: its first leader and each other one, in term order. */
export function findTwoLeaderTerms(elected: readonly LeaderElected[]): TwoLeaders[] {
  const firstByTerm = new Map<number, LeaderElected>();
  const found: TwoLeaders[] = [];
  for (const election of [...elected].sort((a, b) => a.term - b.term || a.atUs - b.atUs)) {
    const first = firstByTerm.get(election.term);
    if (first === undefined) firstByTerm.set(election.term, election);
    else if (first.node !== election.node) found.push({ first, second: election });
  }
  return found;
}

export const electionSafetyCheck: Check = (facts): CheckOutcome => {
  const { leadersElected, leadersElectedTruncated } = consensusFacts(facts);
  if (leadersElected === undefined) return { ok: false, observed: 'unknown (the model records no elections)' };
  const violations = findTwoLeaderTerms(leadersElected);
  if (violations.length === 0) {
    if (leadersElectedTruncated === true) return { ok: false, observed: 'unknown (too many elections recorded)' };
    const terms = new Set(leadersElected.map((election) => election.term)).size;
    return { ok: true, observed: terms === 1 ? 'one leader in its 1 term' : `one leader in each of ${terms.toLocaleString('en-US')} terms` };
  }
  const { first, second } = violations[0]!;
  const ms = (us: number): number => us / 1000;
  return {
    ok: false,
    observed: plural(new Set(violations.map((v) => v.first.term)).size, 'term with two leaders', 'terms with two leaders'),
    marks: violations.slice(0, 4).map((v) => ({ atMs: ms(v.second.atUs), label: `${v.second.node} elected in term ${v.second.term}, which ${v.first.node} already leads` })),
    witness: {
      explanation: `${first.node} became leader of term ${first.term} at ${ms(first.atUs)}ms, and ${second.node} became leader of the same term at ${ms(second.atUs)}ms`,
      term: first.term,
      leaders: [first, second].map((election) => ({ node: election.node, electedMs: ms(election.atUs) })),
    },
  };
};

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
