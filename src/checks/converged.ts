// The `converged` expectation: after the final phase's quiet period every replica holds the same
// value for every key (every replica of the key, when the model places keys on some replicas:
// one that lacks the key holds null). The witness names the first key (in sorted order) on which replicas differ,
// with each replica's value. Pure.

import type { Check, CheckOutcome } from './check.js';
import { replicationFacts } from '../model/replication-facts.js';

export const convergedCheck: Check = (facts): CheckOutcome => {
  const { replicaStates: states, placement } = replicationFacts(facts);
  if (states === undefined || states.length === 0) return { ok: false, observed: 'unknown (the model records no replica states)' };
  const maps = new Map(states.map((state) => [state.node, new Map(state.entries)]));
  const homes = new Map((placement ?? []).map((entry) => [entry.key, entry.replicas]));
  const replicasOf = (key: string): readonly string[] => homes.get(key) ?? states.map((state) => state.node);
  const valuesOf = (key: string): [string, unknown][] => replicasOf(key).map((node) => [node, maps.get(node)?.get(key) ?? null]);
  const keys = [...new Set(states.flatMap((state) => state.entries.map(([key]) => key)))].sort();
  const differing = keys.filter((key) => new Set(valuesOf(key).map(([, value]) => JSON.stringify(value))).size > 1);
  if (differing.length === 0) return { ok: true, observed: `${states.length} replicas equal` };
  const key = differing[0]!;
  return {
    ok: false,
    observed: `${differing.length} keys differ`,
    witness: {
      explanation: `replicas disagree on ${key} at the end (${differing.length} keys differ in all)`,
      key,
      values: Object.fromEntries(valuesOf(key)),
    },
  };
};
