// The `single-leader` expectation: never two nodes accepting writes as leader at once. Violated
// when the acting-leader terms (see replication-facts.ts) of two different nodes overlap and both
// acknowledged client writes during the overlap. A momentary overlap of belief alone (an old
// leader waking from a pause, learning of a newer epoch before it acknowledges anything) is not a
// violation; `leader.split-brain-ms` measures that belief overlap. Pure.

import type { Check, CheckOutcome } from './check.js';
import { replicationFacts, type LeaderTerm } from '../model/replication-facts.js';

export interface SplitBrain {
  readonly first: LeaderTerm;
  readonly second: LeaderTerm;
  readonly fromUs: number;
  readonly toUs: number;
  readonly firstAcks: readonly number[];
  readonly secondAcks: readonly number[];
}

export function findSplitBrains(terms: readonly LeaderTerm[]): SplitBrain[] {
  const found: SplitBrain[] = [];
  const sorted = [...terms].sort((a, b) => a.fromUs - b.fromUs || a.node.localeCompare(b.node));
  for (let i = 0; i < sorted.length; i++) {
    for (let j = i + 1; j < sorted.length && sorted[j]!.fromUs < sorted[i]!.toUs; j++) {
      const first = sorted[i]!;
      const second = sorted[j]!;
      if (first.node === second.node) continue;
      const fromUs = Math.max(first.fromUs, second.fromUs);
      const toUs = Math.min(first.toUs, second.toUs);
      if (toUs <= fromUs) continue;
      const within = (acks: readonly number[]) => acks.filter((t) => t >= fromUs && t <= toUs);
      const firstAcks = within(first.writeAcksUs);
      const secondAcks = within(second.writeAcksUs);
      if (firstAcks.length > 0 && secondAcks.length > 0) found.push({ first, second, fromUs, toUs, firstAcks, secondAcks });
    }
  }
  return found;
}

export const singleLeaderCheck: Check = (facts): CheckOutcome => {
  const terms = replicationFacts(facts).leaderTerms;
  if (terms === undefined) return { ok: false, observed: 'unknown (the model records no leaders)' };
  const splits = findSplitBrains(terms);
  if (splits.length === 0) return { ok: true, observed: 'one leader at a time' };
  const split = splits[0]!;
  const ms = (us: number) => us / 1000;
  return {
    ok: false,
    observed: `split brain (${splits.length}×)`,
    marks: splits.slice(0, 4).map((each) => ({
      atMs: ms(each.fromUs),
      label: `${each.first.node} and ${each.second.node} both acknowledge writes as leader, until ${(each.toUs / 1e6).toFixed(2)}s`,
    })),
    witness: {
      explanation:
        `${split.first.node} (epoch ${split.first.epoch}) and ${split.second.node} (epoch ${split.second.epoch}) ` +
        `both acknowledged writes as leader between ${ms(split.fromUs)}ms and ${ms(split.toUs)}ms`,
      fromMs: ms(split.fromUs),
      toMs: ms(split.toUs),
      leaders: [split.first, split.second].map((term, k) => {
        const acks = k === 0 ? split.firstAcks : split.secondAcks;
        return { node: term.node, epoch: term.epoch, writesAcknowledged: acks.length, firstAckMs: ms(acks[0]!), lastAckMs: ms(acks[acks.length - 1]!) };
      }),
    },
  };
};
