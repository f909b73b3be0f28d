// `npm run bench`: runs the gossip-pingpong workload (bench/gossip-pingpong.yaml, loaded through
// the real scenario loader and model-module resolution) through ddsim's kernel and network at
// each size, each run in its own child process so that its peak RSS is its own, and, right after
// each, the hand-written reference loop (../shared/bench/reference-loop.js) at the same size, so
// the two are compared in the same moment on a noisy machine. Prints one JSON line per run and a
// final summary line (medians over --repeat). Only the simulation loop is timed, not loading.
//
// Then the sweep benchmark (./sweep-bench.ts), the start-up one (./startup-bench.ts) and the
// check benchmark against porcupine (./check-bench.ts).
//
// Usage: node dist/bench/main.js [--sizes 1000000,10000000] [--repeat 1] [--skip-sweep | --sweep-only] [--sweep-repeat 3]
//        [--skip-startup] [--skip-check] [--check-only]
// This is a measuring tool: wall-clock reads are allowed here (each marked for the determinism grep).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadScenarioFile } from '../io/scenario-file.js';
import { ScenarioRun } from '../run/run-scenario.js';
import { runStartupBench } from './startup-bench.js';
import { runCheckBench, runCheckChild } from './check-bench.js';
import { runSweepBench } from './sweep-bench.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO_FILE = resolve(REPO_ROOT, 'bench/gossip-pingpong.yaml');
const REFERENCE_LOOP_FILE = resolve(REPO_ROOT, '../shared/bench/reference-loop.js');
const REFERENCE_SEED = 42;
const SIZES_DEFAULT = [1_000_000, 10_000_000];
/** The target: ddsim at least this fraction of the reference loop's events per second. */
const RATIO_TARGET = 0.5;
/** Peak RSS may grow at most this much from the smallest to the largest size ("flat"). */
const RSS_GROWTH_MAX_MB = 5;

interface RunLine {
  readonly impl: string;
  readonly deliveries: number;
  readonly events: number;
  readonly eventsPerSec: number;
  readonly loopSec: number;
  /** CPU time of the loop (user + system): less disturbed than loopSec by other processes. */
  readonly loopCpuSec?: number;
  readonly peakRssMb: number | null;
}

interface BenchOptions {
  readonly sizes: readonly number[];
  readonly repeatCount: number;
  readonly childSize: number | null;
  /** Skips the sweep benchmark (per-run overhead, and scaling against a CPU loop on 1 and 2 threads). */
  readonly skipSweep: boolean;
  /** Skips the start-up benchmark (`ddsim --version` and a small run, fresh processes). */
  readonly skipStartup: boolean;
  /** Skips the check benchmark (ddsim check against porcupine on the shared histories). */
  readonly skipCheck: boolean;
  /** Runs only the check benchmark. */
  readonly checkOnly: boolean;
  /** Child process of the check benchmark: with or without the witness. */
  readonly checkChild: 'witness' | 'no-witness' | null;
  /** Rounds of the sweep benchmark (medians are printed). */
  readonly sweepRepeatCount: number;
  /** Only the sweep benchmark. */
  readonly sweepOnly: boolean;
}

function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sizes: { type: 'string' },
      repeat: { type: 'string', default: '1' },
      child: { type: 'string' },
      'skip-sweep': { type: 'boolean', default: false },
      'skip-startup': { type: 'boolean', default: false },
      'skip-check': { type: 'boolean', default: false },
      'check-only': { type: 'boolean', default: false },
      'check-child': { type: 'string' },
      'sweep-only': { type: 'boolean', default: false },
      'sweep-repeat': { type: 'string', default: '3' },
    },
  });
  const sizes = values.sizes === undefined ? SIZES_DEFAULT : values.sizes.split(',').map(positiveInteger);
  return {
    sizes,
    repeatCount: positiveInteger(values.repeat ?? '1'),
    childSize: values.child === undefined ? null : positiveInteger(values.child),
    skipSweep: values['skip-sweep'] === true,
    skipStartup: values['skip-startup'] === true,
    skipCheck: values['skip-check'] === true,
    checkOnly: values['check-only'] === true,
    checkChild: checkChildMode(values['check-child']),
    sweepRepeatCount: positiveInteger(values['sweep-repeat'] ?? '3'),
    sweepOnly: values['sweep-only'] === true,
  };
}

function checkChildMode(text: string | undefined): BenchOptions['checkChild'] {
  if (text === undefined) return null;
  if (text !== 'witness' && text !== 'no-witness') throw new Error(`--check-child must be witness or no-witness, got "${text}"`);
  return text;
}

function positiveInteger(text: string): number {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`expected a positive integer, got "${text}"`);
  return value;
}

/** Child process: loads the scenario (untimed), runs it (timed), prints one RunLine. */
async function runDdsimOnce(deliveries: number): Promise<void> {
  const scenario = await loadScenarioFile(SCENARIO_FILE, { cwd: REPO_ROOT, sets: [`system.deliveries=${deliveries}`] });
  const run = new ScenarioRun(scenario);
  const startCpu = process.cpuUsage(); // wall-clock ok
  const startNs = process.hrtime.bigint(); // wall-clock ok
  run.advance();
  const loopSec = Number(process.hrtime.bigint() - startNs) / 1e9; // wall-clock ok
  const loopCpu = process.cpuUsage(startCpu); // wall-clock ok
  const result = run.result();
  if (result.stopReason !== 'completed') throw new Error(`bench run stopped early: ${result.stopReason}`);
  const events = result.metrics['events']!;
  const line: RunLine = {
    impl: 'ddsim',
    deliveries: result.metrics['deliveries']!,
    events,
    eventsPerSec: Math.round(events / loopSec),
    loopSec: round(loopSec, 4),
    loopCpuSec: round((loopCpu.user + loopCpu.system) / 1e6, 4),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1), // maxRSS is in KiB
  };
  console.log(JSON.stringify(line));
}

/** Runs `node <args>` and returns its last stdout line parsed as JSON (stderr passes through). */
function runNodeForJson(args: readonly string[]): Record<string, unknown> {
  const child = spawnSync(process.execPath, [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status ?? child.signal}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

function measureDdsim(deliveries: number): RunLine {
  return runNodeForJson([fileURLToPath(import.meta.url), '--child', String(deliveries)]) as unknown as RunLine;
}

function measureReference(deliveries: number): RunLine {
  const raw = runNodeForJson([REFERENCE_LOOP_FILE, String(deliveries), String(REFERENCE_SEED)]);
  return {
    impl: 'reference-loop',
    deliveries: raw['deliveries'] as number,
    events: raw['events'] as number,
    eventsPerSec: raw['loopEventsPerSec'] as number,
    loopSec: raw['loopSec'] as number,
    peakRssMb: (raw['rssMB'] as number | undefined) ?? null, // RSS at its end, as it reports it
  };
}

interface SizeSummary {
  readonly deliveries: number;
  readonly ddsimEventsPerSec: number;
  readonly referenceEventsPerSec: number | null;
  readonly ddsimToReference: number | null;
  readonly peakRssMb: number;
}

/** Measures one size `repeatCount` times, ddsim then the reference back to back; medians. */
function measureSize(deliveries: number, repeatCount: number, withReference: boolean): SizeSummary {
  const ddsimRates: number[] = [];
  const referenceRates: number[] = [];
  const ratios: number[] = [];
  const peakRssMbs: number[] = [];
  for (let repeat = 0; repeat < repeatCount; repeat++) {
    const ddsim = measureDdsim(deliveries);
    console.log(JSON.stringify(ddsim));
    ddsimRates.push(ddsim.eventsPerSec);
    peakRssMbs.push(ddsim.peakRssMb!);
    if (!withReference) continue;
    const reference = measureReference(deliveries);
    console.log(JSON.stringify(reference));
    referenceRates.push(reference.eventsPerSec);
    ratios.push(ddsim.eventsPerSec / reference.eventsPerSec);
  }
  return {
    deliveries,
    ddsimEventsPerSec: median(ddsimRates),
    referenceEventsPerSec: withReference ? median(referenceRates) : null,
    ddsimToReference: withReference ? round(median(ratios), 3) : null,
    peakRssMb: median(peakRssMbs),
  };
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
    ratioTarget: RATIO_TARGET,
    ratioTargetMet: ratios.every((ratio) => ratio !== null) ? ratios.every((ratio) => ratio! >= RATIO_TARGET) : null,
    rssGrowthMb,
    rssFlat: rssGrowthMb <= RSS_GROWTH_MAX_MB,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (options.childSize !== null) return runDdsimOnce(options.childSize);
  if (options.checkChild !== null) return runCheckChild(options.checkChild === 'witness');
  if (options.checkOnly) return runCheckBench(options.repeatCount);
  if (options.sweepOnly) return runSweepBench({ repeatCount: options.sweepRepeatCount });
  const withReference = existsSync(REFERENCE_LOOP_FILE);
  if (!withReference) console.error(`reference loop not found at ${REFERENCE_LOOP_FILE}: measuring ddsim only`);
  const summaries = options.sizes.map((size) => measureSize(size, options.repeatCount, withReference));
  console.log(JSON.stringify(summaryLine(summaries, options.repeatCount)));
  if (!options.skipSweep) await runSweepBench({ repeatCount: options.sweepRepeatCount });
  if (!options.skipStartup) runStartupBench();
  if (!options.skipCheck) await runCheckBench(options.repeatCount);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
