// `npm run bench`: runs the gossip-pingpong workload (bench/gossip-pingpong.yaml, loaded through
// the real scenario loader and model-module resolution) through ddsim's kernel and network at
// each size, each run in its own child process so that its peak RSS is its own, and, right after
// each, the hand-written reference loop (../shared/bench/reference-loop.js) at the same size, so
// the two are compared in the same moment on a noisy machine. Prints one JSON line per run and a
// final summary line (medians over --repeat). Only the simulation loop is timed, not loading.
//
// Then the same workload with thousands of nodes against a copy of the reference loop that takes
// the node count (./node-count-bench.ts), the sweep benchmark (./sweep-bench.ts), the start-up one
// (./startup-bench.ts) and the check benchmark against porcupine (./check-bench.ts).
//
// Usage: USAGE below (`--help` prints it; a bad option prints it too, and exits 2).
// This is a measuring tool: wall-clock reads are allowed here (each marked for the determinism grep).

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureAgainstReference, measureDdsim, measureReferenceLoop, NODE_COUNT_DEFAULT, REPO_ROOT, round, runDdsimOnce, type PairedRates } from './bench-common.js';
import { NODE_COUNT_DELIVERIES_DEFAULT, NODE_COUNTS_DEFAULT, runNodeCountBench } from './node-count-bench.js';
import { runStartupBench } from './startup-bench.js';
import { runCheckBench, runCheckChild } from './check-bench.js';
import { runSweepBench } from './sweep-bench.js';

const USAGE = `usage: node dist/bench/main.js [--sizes 1000000,10000000] [--repeat 1] [--skip-sweep | --sweep-only] [--sweep-repeat 3]
       [--node-counts 2000,10000] [--node-count-deliveries 1000000] [--skip-node-counts]
       [--skip-startup] [--skip-check] [--check-only] [--startup-only [--startup-repeat 5]]
       node dist/bench/main.js --child <deliveries> [--child-nodes <n>]: one ddsim run, its JSON line (what the others spawn)`;

/** A bad command line: reported with the usage, exit code 2, no stack trace. */
class UsageError extends Error {}

const REFERENCE_LOOP_FILE = resolve(REPO_ROOT, '../shared/bench/reference-loop.js');
const REFERENCE_SEED = 42;
const SIZES_DEFAULT = [1_000_000, 10_000_000];
/** The target (issue 14): ddsim at least this fraction of the reference loop's events per second. */
const RATIO_TARGET = 0.75;
/** Peak RSS may grow at most this much from the smallest to the largest size ("flat"). */
const RSS_GROWTH_MAX_MB = 5;

interface BenchOptions {
  readonly sizes: readonly number[];
  readonly repeatCount: number;
  readonly childSize: number | null;
  /** Node count of the child run (--child-nodes; the scenario's 100 by default). */
  readonly childNodeCount: number;
  /** Node counts of the node-count part, its deliveries per run, and whether to skip it. */
  readonly nodeCounts: readonly number[];
  readonly nodeCountDeliveries: number;
  readonly skipNodeCounts: boolean;
  /** Skips the sweep benchmark (per-run overhead, and scaling against a CPU loop on 1 and 2 threads). */
  readonly skipSweep: boolean;
  /** Skips the start-up benchmark (`ddsim --version` and a small run, fresh processes). */
  readonly skipStartup: boolean;
  /** Skips the check benchmark (ddsim check against porcupine on the shared histories). */
  readonly skipCheck: boolean;
  /** Runs only the check benchmark. */
  readonly checkOnly: boolean;
  /** Runs only the start-up benchmark, each command this many times (medians are printed). */
  readonly startupOnly: boolean;
  readonly startupRepeatCount: number;
  /** Child process of the check benchmark: with or without the witness. */
  readonly checkChild: 'witness' | 'no-witness' | null;
  /** Rounds of the sweep benchmark (medians are printed). */
  readonly sweepRepeatCount: number;
  /** Only the sweep benchmark. */
  readonly sweepOnly: boolean;
}

function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  try {
    return optionsOf(argv);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error)); // parseArgs' own
  }
}

function optionsOf(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      child: { type: 'string' },
      'child-nodes': { type: 'string' },
      'node-counts': { type: 'string' },
      'node-count-deliveries': { type: 'string' },
      'skip-node-counts': { type: 'boolean', default: false },
      'skip-sweep': { type: 'boolean', default: false },
      'skip-startup': { type: 'boolean', default: false },
      'skip-check': { type: 'boolean', default: false },
      'check-only': { type: 'boolean', default: false },
      'startup-only': { type: 'boolean', default: false },
      'startup-repeat': { type: 'string', default: '5' },
      'check-child': { type: 'string' },
      'sweep-only': { type: 'boolean', default: false },
      'sweep-repeat': { type: 'string', default: '3' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help === true) return 'help';
  const sizes = values.sizes === undefined ? SIZES_DEFAULT : values.sizes.split(',').map(positiveInteger);
  return {
    sizes,
    repeatCount: positiveInteger(values.repeat ?? '1'),
    childSize: values.child === undefined ? null : positiveInteger(values.child),
    childNodeCount: values['child-nodes'] === undefined ? NODE_COUNT_DEFAULT : positiveInteger(values['child-nodes']),
    nodeCounts: values['node-counts'] === undefined ? NODE_COUNTS_DEFAULT : values['node-counts'].split(',').map(positiveInteger),
    nodeCountDeliveries: values['node-count-deliveries'] === undefined ? NODE_COUNT_DELIVERIES_DEFAULT : positiveInteger(values['node-count-deliveries']),
    skipNodeCounts: values['skip-node-counts'] === true,
    skipSweep: values['skip-sweep'] === true,
    skipStartup: values['skip-startup'] === true,
    skipCheck: values['skip-check'] === true,
    checkOnly: values['check-only'] === true,
    startupOnly: values['startup-only'] === true,
    startupRepeatCount: positiveInteger(values['startup-repeat']!),
    checkChild: checkChildMode(values['check-child']),
    sweepRepeatCount: positiveInteger(values['sweep-repeat'] ?? '3'),
    sweepOnly: values['sweep-only'] === true,
  };
}

function checkChildMode(text: string | undefined): BenchOptions['checkChild'] {
  if (text === undefined) return null;
  if (text !== 'witness' && text !== 'no-witness') throw new UsageError(`--check-child must be witness or no-witness, got "${text}"`);
  return text;
}

function positiveInteger(text: string): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`expected a positive integer, got "${text}"`);
  return value;
}

interface SizeSummary extends PairedRates {
  readonly deliveries: number;
}

/** Measures one size `repeatCount` times, ddsim then the reference back to back; medians. */
function measureSize(deliveries: number, repeatCount: number, withReference: boolean): SizeSummary {
  const reference = () => measureReferenceLoop(REFERENCE_LOOP_FILE, [String(deliveries), String(REFERENCE_SEED)]);
  return { deliveries, ...measureAgainstReference(repeatCount, () => measureDdsim(deliveries, NODE_COUNT_DEFAULT), withReference ? reference : null) };
}

function summaryLine(summaries: readonly SizeSummary[], repeatCount: number): Record<string, unknown> {
  const ratios = summaries.map((summary) => summary.ddsimToReference);
  const rssGrowthMb = round(summaries[summaries.length - 1]!.peakRssMb - summaries[0]!.peakRssMb, 1);
  return {
    summary: 'gossip-pingpong',
    repeat: repeatCount,
    node: process.version,
    sizes: summaries,
    ddsimToReference: Object.fromEntries(summaries.map((summary) => [summary.deliveries, summary.ddsimToReference])),
    ddsimSteadyToReference: Object.fromEntries(summaries.map((summary) => [summary.deliveries, summary.ddsimSteadyToReference])),
    warmUpMs: Object.fromEntries(summaries.map((summary) => [summary.deliveries, summary.warmUpMs])),
    peakRssMb: Object.fromEntries(summaries.map((summary) => [summary.deliveries, summary.peakRssMb])),
    ratioTarget: RATIO_TARGET,
    ratioTargetMet: ratios.every((ratio) => ratio !== null) ? ratios.every((ratio) => ratio! >= RATIO_TARGET) : null,
    rssGrowthMb,
    rssFlat: rssGrowthMb <= RSS_GROWTH_MAX_MB,
  };
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  if (options.childSize !== null) return runDdsimOnce(options.childSize, options.childNodeCount);
  if (options.checkChild !== null) return runCheckChild(options.checkChild === 'witness');
  if (options.checkOnly) return runCheckBench(options.repeatCount);
  if (options.sweepOnly) return runSweepBench({ repeatCount: options.sweepRepeatCount });
  if (options.startupOnly) return runStartupBench(options.startupRepeatCount);
  const withReference = existsSync(REFERENCE_LOOP_FILE);
  if (!withReference) console.error(`reference loop not found at ${REFERENCE_LOOP_FILE}: measuring ddsim only`);
  const summaries = options.sizes.map((size) => measureSize(size, options.repeatCount, withReference));
  console.log(JSON.stringify(summaryLine(summaries, options.repeatCount)));
  if (!options.skipNodeCounts) {
    runNodeCountBench({ nodeCounts: options.nodeCounts, deliveries: options.nodeCountDeliveries, repeatCount: options.repeatCount });
  }
  if (!options.skipSweep) await runSweepBench({ repeatCount: options.sweepRepeatCount });
  if (!options.skipStartup) runStartupBench(options.startupRepeatCount);
  if (!options.skipCheck) await runCheckBench(options.repeatCount);
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`bench: ${error.message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
