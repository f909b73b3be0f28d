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
  const seconds = (us: number) => `${(us / 1e6).toFixed(3)}s`;
  return {
    ok: false,
    observed: `split brain (${splits.length}×)`,
    marks: splits.slice(0, 4).map((each) => {
      const acking = bothAcknowledging(each);
      return {
        atMs: ms(each.fromUs),
        label: `${each.first.node} and ${each.second.node} both act as leader until ${seconds(each.toUs)}` +
          (acking.fromUs <= acking.toUs ? `; both acknowledge writes ${seconds(acking.fromUs)}–${seconds(acking.toUs)}` : '; each acknowledges writes'),
      };
    }),
    witness: {
      // Two spans, not one: both nodes believed they led over the first, and both acknowledged
      // writes over the second (within it). leader.split-brain-ms sums the first, cut at `duration`.
      explanation:
        `${split.first.node} (epoch ${split.first.epoch}) and ${split.second.node} (epoch ${split.second.epoch}) ` +
        `both acted as leader from ${ms(split.fromUs)}ms to ${ms(split.toUs)}ms, and ${acknowledgingText(split)}`,
      fromMs: ms(split.fromUs),
      toMs: ms(split.toUs),
      bothAcknowledgingFromMs: ms(bothAcknowledging(split).fromUs),
      bothAcknowledgingToMs: ms(bothAcknowledging(split).toUs),
      leaders: [split.first, split.second].map((term, k) => {
        const acks = k === 0 ? split.firstAcks : split.secondAcks;
        return { node: term.node, epoch: term.epoch, writesAcknowledged: acks.length, firstAckMs: ms(acks[0]!), lastAckMs: ms(acks[acks.length - 1]!) };
      }),
    },
  };
};

/** From the later of the two first acknowledgements to the earlier of the two last ones. */
function bothAcknowledging(split: SplitBrain): { fromUs: number; toUs: number } {
  const first = (acks: readonly number[]) => acks[0]!;
  const last = (acks: readonly number[]) => acks[acks.length - 1]!;
  return {
    fromUs: Math.max(first(split.firstAcks), first(split.secondAcks)),
    toUs: Math.min(last(split.firstAcks), last(split.secondAcks)),
  };
}

/** Both acknowledging over one span, or (when their acknowledgements do not interleave) each over its own. */
function acknowledgingText(split: SplitBrain): string {
  const acking = bothAcknowledging(split);
  if (acking.fromUs <= acking.toUs) return `both acknowledged writes from ${acking.fromUs / 1000}ms to ${acking.toUs / 1000}ms`;
  const span = (node: string, acks: readonly number[]) => `${node} from ${acks[0]! / 1000}ms to ${acks[acks.length - 1]! / 1000}ms`;
  return `each acknowledged writes: ${span(split.first.node, split.firstAcks)}, ${span(split.second.node, split.secondAcks)}`;
}
