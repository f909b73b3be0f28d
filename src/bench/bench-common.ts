// What the gossip-pingpong benchmarks share (./main.ts at 100 nodes, ./node-count-bench.ts at
// thousands): one ddsim child run of the benchmark scenario (loaded through the real loader,
// only the loop timed), a child process's JSON line, medians and rounding.
// This is a measuring tool: wall-clock reads are allowed here (each marked for the determinism grep).

import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../io/scenario-file.js';
import { ScenarioRun } from '../run/run-scenario.js';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO_FILE = resolve(REPO_ROOT, 'bench/gossip-pingpong.yaml');
/** The script whose `--child` runs runDdsimOnce (./main.ts, compiled). */
const BENCH_MAIN_FILE = resolve(REPO_ROOT, 'dist/bench/main.js');
/** The node count of bench/gossip-pingpong.yaml (and of the shared reference loop). */
export const NODE_COUNT_DEFAULT = 100;

export interface RunLine {
  readonly impl: string;
  readonly nodes?: number;
  readonly deliveries: number;
  readonly events: number;
  readonly eventsPerSec: number;
  readonly loopSec: number;
  /** CPU time of the loop (user + system): less disturbed than loopSec by other processes. */
  readonly loopCpuSec?: number;
  /**
   * ddsim only: the rate after its first WARM_UP_EVENT_COUNT events (while V8 has not yet
   * optimized the event path they run many times slower), and what those first events cost
   * beyond that rate. The reference loop, one function, warms up in a few milliseconds.
   */
  readonly steadyEventsPerSec?: number;
  readonly warmUpMs?: number;
  readonly peakRssMb: number | null;
}

/** The events timed apart at the start of a ddsim run, to tell its JIT warm-up from its steady rate. */
export const WARM_UP_EVENT_COUNT = 100_000;

/** Child process: loads the scenario (untimed), runs it (timed), prints one RunLine. */
export async function runDdsimOnce(deliveries: number, nodeCount: number): Promise<void> {
  const sets = [`system.deliveries=${deliveries}`];
  if (nodeCount !== NODE_COUNT_DEFAULT) sets.push(`nodes[0].count=${nodeCount}`);
  const scenario = await loadScenarioFile(SCENARIO_FILE, { cwd: REPO_ROOT, sets });
  const run = new ScenarioRun(scenario);
  const startCpu = process.cpuUsage(); // wall-clock ok
  const startNs = process.hrtime.bigint(); // wall-clock ok
  const doneEarly = run.advance(WARM_UP_EVENT_COUNT);
  const firstSec = Number(process.hrtime.bigint() - startNs) / 1e9; // wall-clock ok
  run.advance();
  const loopSec = Number(process.hrtime.bigint() - startNs) / 1e9; // wall-clock ok
  const loopCpu = process.cpuUsage(startCpu); // wall-clock ok
  const result = run.result();
  if (result.stopReason !== 'completed') throw new Error(`bench run stopped early: ${result.stopReason}`);
  const events = result.metrics['events']!;
  const steadyEventsPerSec = doneEarly ? null : (events - WARM_UP_EVENT_COUNT) / (loopSec - firstSec);
  const line: RunLine = {
    impl: 'ddsim',
    nodes: scenario.nodes.length,
    deliveries: result.metrics['deliveries']!,
    events,
    eventsPerSec: Math.round(events / loopSec),
    loopSec: round(loopSec, 4),
    loopCpuSec: round((loopCpu.user + loopCpu.system) / 1e6, 4),
    ...(steadyEventsPerSec === null
      ? {}
      : { steadyEventsPerSec: Math.round(steadyEventsPerSec), warmUpMs: round((firstSec - WARM_UP_EVENT_COUNT / steadyEventsPerSec) * 1000, 1) }),
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1), // maxRSS is in KiB
  };
  console.log(JSON.stringify(line));
}

/** One ddsim run in its own child process (so that its peak RSS is its own). */
export function measureDdsim(deliveries: number, nodeCount: number): RunLine {
  const args = [BENCH_MAIN_FILE, '--child', String(deliveries)];
  if (nodeCount !== NODE_COUNT_DEFAULT) args.push('--child-nodes', String(nodeCount));
  return runNodeForJson(args) as unknown as RunLine;
}

/** A reference loop's JSON line (`node <file> <args>`) as a RunLine. */
export function measureReferenceLoop(file: string, args: readonly string[]): RunLine {
  const raw = runNodeForJson([file, ...args]);
  return {
    impl: 'reference-loop',
    ...(raw['nodes'] === undefined ? {} : { nodes: raw['nodes'] as number }),
    deliveries: raw['deliveries'] as number,
    events: raw['events'] as number,
    eventsPerSec: raw['loopEventsPerSec'] as number,
    loopSec: raw['loopSec'] as number,
    peakRssMb: (raw['rssMB'] as number | undefined) ?? null, // RSS at its end, as it reports it
  };
}

/** Runs `node <args>` and returns its last stdout line parsed as JSON (stderr passes through). */
export function runNodeForJson(args: readonly string[]): Record<string, unknown> {
  const child = spawnSync(process.execPath, [...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status ?? child.signal}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

/** ddsim's events per second and peak RSS, and the reference loop's rate and the ratio when it ran. */
export interface PairedRates {
  readonly ddsimEventsPerSec: number;
  readonly referenceEventsPerSec: number | null;
  readonly ddsimToReference: number | null;
  /** The same ratio for ddsim's rate after its warm-up (RunLine.steadyEventsPerSec), when measured. */
  readonly ddsimSteadyToReference: number | null;
  /** What ddsim's JIT warm-up cost (RunLine.warmUpMs), when measured. */
  readonly warmUpMs: number | null;
  readonly peakRssMb: number;
}

/**
 * `repeatCount` rounds of a ddsim run then (when given) the reference loop right after it, so the
 * two meet the same moment of a noisy machine; every line printed; medians (the ratio is the
 * median of the per-round ratios).
 */
export function measureAgainstReference(repeatCount: number, ddsim: () => RunLine, reference: (() => RunLine) | null): PairedRates {
  const ddsimRates: number[] = [];
  const referenceRates: number[] = [];
  const ratios: number[] = [];
  const steadyRatios: number[] = [];
  const warmUpMss: number[] = [];
  const peakRssMbs: number[] = [];
  for (let repeat = 0; repeat < repeatCount; repeat++) {
    const ddsimLine = ddsim();
    console.log(JSON.stringify(ddsimLine));
    ddsimRates.push(ddsimLine.eventsPerSec);
    peakRssMbs.push(ddsimLine.peakRssMb!);
    if (ddsimLine.warmUpMs !== undefined) warmUpMss.push(ddsimLine.warmUpMs);
    if (reference === null) continue;
    const referenceLine = reference();
    console.log(JSON.stringify(referenceLine));
    referenceRates.push(referenceLine.eventsPerSec);
    ratios.push(ddsimLine.eventsPerSec / referenceLine.eventsPerSec);
    if (ddsimLine.steadyEventsPerSec !== undefined) steadyRatios.push(ddsimLine.steadyEventsPerSec / referenceLine.eventsPerSec);
  }
  return {
    ddsimEventsPerSec: median(ddsimRates),
    referenceEventsPerSec: reference === null ? null : median(referenceRates),
    ddsimToReference: reference === null ? null : round(median(ratios), 3),
    ddsimSteadyToReference: steadyRatios.length === 0 ? null : round(median(steadyRatios), 3),
    warmUpMs: warmUpMss.length === 0 ? null : median(warmUpMss),
    peakRssMb: median(peakRssMbs),
  };
}
