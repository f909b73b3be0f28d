// The `state-machine-safety` expectation (Raft's State Machine Safety, Figure 3): if a server has
// applied a log entry at an index, no server ever applies a different entry at that index.
// Violated when two applications at one index differ in term or command (two servers, or one
// server before and after a restart); the witness names the index and both applications. Pure.

import type { Check, CheckOutcome } from './check.js';
import { consensusFacts, type AppliedEntry } from '../model/consensus-facts.js';

export interface DivergentApplication {
  readonly first: AppliedEntry;
  readonly second: AppliedEntry;
}

/** Per index, the first application and each later one that differs from it, in index order. */
export function findDivergentApplications(applied: readonly AppliedEntry[]): DivergentApplication[] {
  const firstByIndex = new Map<number, AppliedEntry>();
  const found: DivergentApplication[] = [];
  for (const application of applied) {
    const first = firstByIndex.get(application.index);
    if (first === undefined) firstByIndex.set(application.index, application);
    else if (first.term !== application.term || first.command !== application.command) found.push({ first, second: application });
  }
  return found.sort((a, b) => a.first.index - b.first.index || a.second.atUs - b.second.atUs);
}

export const stateMachineSafetyCheck: Check = (facts): CheckOutcome => {
  const { applied, appliedTruncated } = consensusFacts(facts);
  if (applied === undefined) return { ok: false, observed: 'unknown (the model records no applied entries)' };
  const divergent = findDivergentApplications(applied);
  if (divergent.length === 0) {
    if (appliedTruncated === true) return { ok: false, observed: 'unknown (too many applied entries recorded)' };
    const indexes = new Set(applied.map((entry) => entry.index)).size;
    return { ok: true, observed: indexes === 1 ? '1 index, one entry' : `${indexes.toLocaleString('en-US')} indexes, one entry each` };
  }
  const { first, second } = divergent[0]!;
  const ms = (us: number): number => us / 1000;
  const describe = (entry: AppliedEntry) => ({ node: entry.node, term: entry.term, command: entry.command, appliedMs: ms(entry.atUs) });
  return {
    ok: false,
    observed: ((count) => (count === 1 ? '1 index differs' : `${count} indexes differ`))(new Set(divergent.map((d) => d.first.index)).size),
    marks: divergent.slice(0, 4).map((d) => ({ atMs: ms(d.second.atUs), label: `${d.second.node} applied another entry at index ${d.first.index} than ${d.first.node}` })),
    witness: {
      explanation:
        `at index ${first.index}, ${first.node} applied "${first.command}" (term ${first.term}) at ${ms(first.atUs)}ms, ` +
        `but ${second.node} applied "${second.command}" (term ${second.term}) at ${ms(second.atUs)}ms`,
      index: first.index,
      applications: [describe(first), describe(second)],
    },
  };
};
