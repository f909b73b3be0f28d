// The start-up benchmark: `ddsim --version` and a small `ddsim run` (scenarios/pause-looks-dead.yaml
// -q), each in a fresh process several times, printing one JSON line per command with the median
// wall time and the median CPU time (user + system, all threads) of the child. CPU time is the
// figure to compare on a shared machine: other processes stretch the wall time, not the CPU time.
// The child reports its own CPU time through a tiny preload (--import of a data: URL) that writes
// process.cpuUsage() to file descriptor 3 when it exits (the main thread only: worker threads
// inherit the preload), so ddsim's output stays as it is.
// This is a measuring tool: wall-clock reads are allowed here (each marked for the determinism grep).

import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const DDSIM_BIN = resolve(REPO_ROOT, 'bin/ddsim.js');
const REPEAT_COUNT_DEFAULT = 5;

/** The commands measured: the cheapest one, and a run of a small shipped scenario. */
export const STARTUP_COMMANDS: readonly (readonly string[])[] = [['--version'], ['run', 'scenarios/pause-looks-dead.yaml', '-q']];

/** The targets of issue 14 on the development machine (2 cores), in wall seconds. */
export const STARTUP_TARGET_SEC: Readonly<Record<string, number>> = { '--version': 0.1, run: 0.25 };

const CPU_REPORTER =
  'data:text/javascript,' +
  encodeURIComponent(
    "import { writeSync } from 'node:fs'; import { isMainThread } from 'node:worker_threads';" +
      'if (isMainThread) process.on("exit", () => writeSync(3, JSON.stringify(process.cpuUsage())));',
  );

export interface StartupSample {
  readonly wallSec: number;
  readonly cpuSec: number;
  readonly exitCode: number | null;
}

export interface StartupBenchLine {
  readonly bench: 'startup';
  readonly command: string;
  readonly repeat: number;
  readonly wallSecMedian: number;
  readonly cpuSecMedian: number;
  readonly wallTargetSec: number | null;
}

/** One fresh `node bin/ddsim.js <args>` from the repository root, timed from outside and inside. */
export function measureStartupOnce(args: readonly string[]): StartupSample {
  const startNs = process.hrtime.bigint(); // wall-clock ok
  const child = spawnSync(process.execPath, ['--import', CPU_REPORTER, DDSIM_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const wallSec = Number(process.hrtime.bigint() - startNs) / 1e9; // wall-clock ok
  const reported = child.output[3];
  if (typeof reported !== 'string' || reported === '') {
    throw new Error(`ddsim ${args.join(' ')} reported no CPU time (exit ${child.status ?? child.signal}): ${child.stderr}`);
  }
  const cpu = JSON.parse(reported) as { user: number; system: number };
  return { wallSec, cpuSec: (cpu.user + cpu.system) / 1e6, exitCode: child.status };
}

/** `repeatCount` runs of one command; medians. */
export function measureStartup(args: readonly string[], repeatCount = REPEAT_COUNT_DEFAULT): StartupBenchLine {
  const samples = Array.from({ length: repeatCount }, () => measureStartupOnce(args));
  const failed = samples.find((sample) => sample.exitCode !== 0);
  if (failed !== undefined) throw new Error(`ddsim ${args.join(' ')} exited with ${failed.exitCode}`);
  return {
    bench: 'startup',
    command: `ddsim ${args.join(' ')}`,
    repeat: repeatCount,
    wallSecMedian: round(median(samples.map((sample) => sample.wallSec))),
    cpuSecMedian: round(median(samples.map((sample) => sample.cpuSec))),
    wallTargetSec: STARTUP_TARGET_SEC[args[0]!] ?? null,
  };
}

/** Prints one JSON line per command of STARTUP_COMMANDS. */
export function runStartupBench(repeatCount = REPEAT_COUNT_DEFAULT): void {
  for (const args of STARTUP_COMMANDS) console.log(JSON.stringify(measureStartup(args, repeatCount)));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function round(value: number): number {
  return Number(value.toFixed(3));
}
