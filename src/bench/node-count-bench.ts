// The node-count part of `npm run bench`: the gossip-pingpong workload with thousands of nodes
// (bench/gossip-pingpong.yaml with `nodes[0].count` set), each ddsim run in its own child process,
// and right after each the reference loop with the same node count (bench/reference-loop-n.js, a
// copy of the shared loop that takes N). One JSON line per run, then a summary line: per node
// count the median ratio of events per second (target: at least 0.5) and ddsim's peak RSS.
// With many nodes nearly every transmission is on a link not used before, so this measures the
// per-link state (created on first use) and a deeper event heap as much as the event loop.
// A measuring tool: wall-clock reads happen in the children (./bench-common.ts).

import { resolve } from 'node:path';
import { measureAgainstReference, measureDdsim, measureReferenceLoop, REPO_ROOT, type PairedRates } from './bench-common.js';

const REFERENCE_LOOP_N_FILE = resolve(REPO_ROOT, 'bench/reference-loop-n.js');
const REFERENCE_SEED = 42;
export const NODE_COUNTS_DEFAULT = [2_000, 10_000];
/** Deliveries per run: 1M keeps the part short (the large node counts are the slow runs). */
export const NODE_COUNT_DELIVERIES_DEFAULT = 1_000_000;
/** The target (issue 14): ddsim at least this fraction of the same-N reference loop. */
const NODE_COUNT_RATIO_TARGET = 0.5;

export interface NodeCountBenchOptions {
  readonly nodeCounts: readonly number[];
  readonly deliveries: number;
  readonly repeatCount: number;
}

interface NodeCountSummary extends PairedRates {
  readonly nodes: number;
  readonly deliveries: number;
}

function measureNodeCount(nodeCount: number, deliveries: number, repeatCount: number): NodeCountSummary {
  const reference = () => measureReferenceLoop(REFERENCE_LOOP_N_FILE, [String(deliveries), String(REFERENCE_SEED), String(nodeCount)]);
  return { nodes: nodeCount, deliveries, ...measureAgainstReference(repeatCount, () => measureDdsim(deliveries, nodeCount), reference) };
}

export function runNodeCountBench(options: NodeCountBenchOptions): void {
  const summaries = options.nodeCounts.map((nodeCount) => measureNodeCount(nodeCount, options.deliveries, options.repeatCount));
  console.log(
    JSON.stringify({
      summary: 'gossip-pingpong-node-counts',
      repeat: options.repeatCount,
      node: process.version,
      sizes: summaries,
      ddsimToReference: Object.fromEntries(summaries.map((summary) => [summary.nodes, summary.ddsimToReference])),
      ddsimSteadyToReference: Object.fromEntries(summaries.map((summary) => [summary.nodes, summary.ddsimSteadyToReference])),
      warmUpMs: Object.fromEntries(summaries.map((summary) => [summary.nodes, summary.warmUpMs])),
      peakRssMb: Object.fromEntries(summaries.map((summary) => [summary.nodes, summary.peakRssMb])),
      ratioTarget: NODE_COUNT_RATIO_TARGET,
      ratioTargetMet: summaries.every((summary) => summary.ddsimToReference !== null && summary.ddsimToReference >= NODE_COUNT_RATIO_TARGET),
    }),
  );
}
