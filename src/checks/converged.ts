// The `converged` expectation: after the final phase's quiet period every replica holds the same
// value for every key. The witness names the first key (in sorted order) on which replicas differ,
// with each replica's value. Pure.

import type { Check, CheckOutcome } from './registry.js';
import { replicationFacts } from './replication-facts.js';

export const convergedCheck: Check = (facts): CheckOutcome => {
  const states = replicationFacts(facts).replicaStates;
  if (states === undefined || states.length === 0) return { ok: false, observed: 'unknown (the model records no replica states)' };
  const maps = states.map((state) => new Map(state.entries));
  const keys = [...new Set(states.flatMap((state) => state.entries.map(([key]) => key)))].sort();
  const differing = keys.filter((key) => new Set(maps.map((map) => JSON.stringify(map.get(key) ?? null))).size > 1);
  if (differing.length === 0) return { ok: true, observed: `${states.length} replicas equal` };
  const key = differing[0]!;
  return {
    ok: false,
    observed: `${differing.length} keys differ`,
    witness: {
      explanation: `replicas disagree on ${key} at the end (${differing.length} keys differ in all)`,
      key,
      values: Object.fromEntries(states.map((state, i) => [state.node, maps[i]!.get(key) ?? null])),
    },
  };
};
