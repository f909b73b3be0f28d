// The check benchmark: `ddsim check` of the shared etcd and kv histories (../shared/testdata/
// porcupine) against porcupine (Go, one core, ../shared/bench/porcupine/run.sh) in the same
// invocation, alternating ddsim and porcupine `repeat` times and printing medians and the ratio.
// ddsim is timed the way run.sh times porcupine: in one process, parse + check of every file, with
// the witness (as `ddsim check` computes it by default). Skips with a message where ../shared or
// Go is absent.
// This is a measuring tool: wall-clock reads are allowed here (each marked for the determinism grep).

import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkLinearizability, createModel, readHistory, type Verdict } from '../check/index.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DATA_DIR = resolve(REPO_ROOT, '../shared/testdata/porcupine');
const PORCUPINE_RUN = resolve(REPO_ROOT, '../shared/bench/porcupine/run.sh');
const SUITES = ['jepsen', 'kv'] as const;
type Suite = (typeof SUITES)[number];

/** One suite's time in one child process. */
export interface CheckTimes {
  readonly wallMs: Record<Suite, number>;
  readonly cpuMs: Record<Suite, number>;
  readonly verdicts: Record<Verdict, number>;
}

/** The shared history files of each suite, sorted as run.sh globs them; null without ../shared. */
export function sharedHistoryFiles(dataDir = DATA_DIR): Record<Suite, string[]> | null {
  if (!existsSync(dataDir)) return null;
  const list = (folder: string, pattern: RegExp): string[] =>
    readdirSync(join(dataDir, folder))
      .filter((name) => pattern.test(name))
      .sort()
      .map((name) => join(dataDir, folder, name));
  return { jepsen: list('jepsen', /^etcd_.*\.log$/), kv: list('kv', /\.txt$/) };
}

/** Checks one file exactly as `ddsim check` does (format's model and initial value, witness on). */
export function checkHistoryFile(file: string, witness = true): Verdict {
  const history = readHistory(readFileSync(file, 'utf8'));
  const model = createModel(history.suggestedModel, { initialValue: history.initialValue });
  return checkLinearizability(history.operations, model, { witness }).verdict;
}

/** Child process: times every suite in this process and prints one CheckTimes line. */
export function runCheckChild(witness: boolean): void {
  const files = sharedHistoryFiles();
  if (files === null) throw new Error(`no shared histories at ${DATA_DIR}`);
  const verdicts: Record<Verdict, number> = { linearizable: 0, 'not-linearizable': 0, unknown: 0 };
  const wallMs = { jepsen: 0, kv: 0 };
  const cpuMs = { jepsen: 0, kv: 0 };
  for (const suite of SUITES) {
    const startCpu = process.cpuUsage(); // wall-clock ok
    const startMs = performance.now(); // wall-clock ok
    for (const file of files[suite]) verdicts[checkHistoryFile(file, witness)] += 1;
    wallMs[suite] = round(performance.now() - startMs); // wall-clock ok
    const cpu = process.cpuUsage(startCpu); // wall-clock ok
    cpuMs[suite] = round((cpu.user + cpu.system) / 1000);
  }
  const times: CheckTimes = { wallMs, cpuMs, verdicts };
  console.log(JSON.stringify(times));
}

function measureDdsim(witness: boolean): CheckTimes {
  const args = [join(REPO_ROOT, 'dist/bench/main.js'), '--check-child', witness ? 'witness' : 'no-witness'];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`check bench child exited with ${child.status ?? child.signal}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as CheckTimes;
}

/** run.sh's "TOTAL jepsen <ms>" and "TOTAL kv <ms>" (wall time, parse + check, one core). */
function measurePorcupine(): Record<Suite, number> {
  const child = spawnSync('bash', [PORCUPINE_RUN], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const totals: Partial<Record<Suite, number>> = {};
  for (const match of child.stdout.matchAll(/^TOTAL (jepsen|kv) ([\d.]+)$/gm)) totals[match[1] as Suite] = Number(match[2]);
  if (totals.jepsen === undefined || totals.kv === undefined) {
    throw new Error(`porcupine's run.sh printed no totals (exit ${child.status}): ${child.stdout.slice(0, 300)}`);
  }
  return totals as Record<Suite, number>;
}

function goInstalled(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

export async function runCheckBench(repeatCount: number): Promise<void> {
  const files = sharedHistoryFiles();
  if (files === null) {
    console.log(JSON.stringify({ bench: 'check', skipped: `no shared histories at ${DATA_DIR}` }));
    return;
  }
  const withPorcupine = goInstalled() && existsSync(PORCUPINE_RUN);
  if (!withPorcupine) console.error('check bench: Go or ../shared/bench/porcupine not found: timing ddsim only');
  if (withPorcupine) measurePorcupine(); // builds the Go test binary once, untimed
  const samples: { ddsim: CheckTimes; noWitness: CheckTimes; porcupine: Record<Suite, number> | null }[] = [];
  for (let repeat = 0; repeat < repeatCount; repeat++) {
    const ddsim = measureDdsim(true);
    const porcupine = withPorcupine ? measurePorcupine() : null;
    const noWitness = measureDdsim(false);
    console.log(JSON.stringify({ bench: 'check', repeat, ddsim, ddsimNoWitness: noWitness, porcupineWallMs: porcupine }));
    samples.push({ ddsim, noWitness, porcupine });
  }
  const total = (times: Record<Suite, number>): number => times.jepsen + times.kv;
  const summary: Record<string, unknown> = {
    summary: 'check',
    histories: files.jepsen.length + files.kv.length,
    repeat: repeatCount,
    verdicts: samples[0]!.ddsim.verdicts,
    ddsimWallMs: median(samples.map((sample) => total(sample.ddsim.wallMs))),
    ddsimCpuMs: median(samples.map((sample) => total(sample.ddsim.cpuMs))),
    ddsimNoWitnessWallMs: median(samples.map((sample) => total(sample.noWitness.wallMs))),
  };
  if (withPorcupine) {
    const ratio = (pick: (sample: (typeof samples)[number]) => Record<Suite, number>, suite?: Suite): number =>
      round(median(samples.map((s) => (suite ? pick(s)[suite] / s.porcupine![suite] : total(pick(s)) / total(s.porcupine!)))), 3);
    Object.assign(summary, {
      porcupineWallMs: median(samples.map((sample) => total(sample.porcupine!))),
      /** ddsim's wall time over porcupine's, in the same moment: at most 1 is the goal. */
      ddsimToPorcupine: ratio((s) => s.ddsim.wallMs),
      ddsimToPorcupineJepsen: ratio((s) => s.ddsim.wallMs, 'jepsen'),
      ddsimToPorcupineKv: ratio((s) => s.ddsim.wallMs, 'kv'),
      ddsimNoWitnessToPorcupine: ratio((s) => s.noWitness.wallMs),
    });
  }
  console.log(JSON.stringify(summary));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}
