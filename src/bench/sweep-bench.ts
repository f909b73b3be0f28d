// The sweep benchmark: 200 short runs of the timeout trade-off scenario (120 s simulated each, ~0.1 s of CPU) on
// the worker pool with 1 and with 2 workers, printing one JSON line per worker count with runs
// per second and the speed-up over 1 worker. Scenario loading is inside the timing, as in a
// real sweep (each run loads its scenario in its worker).
// This is a measuring tool: wall-clock reads are allowed here (each marked for the determinism grep).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSweepPlan } from '../sweep/sweep-plan.js';
import type { SweepTask } from '../sweep/sweep-task.js';
import { runTasks } from '../sweep/worker-pool.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO_FILE = 'scenarios/sweep-timeout-tradeoff.yaml';
const RUN_COUNT = 200;
const WORKER_COUNTS = [1, 2] as const;

export interface SweepBenchLine {
  readonly bench: 'sweep';
  readonly runs: number;
  readonly workers: number;
  readonly wallSec: number;
  readonly runsPerSec: number;
  /** Runs per second relative to 1 worker. */
  readonly speedUp: number;
}

function tasksOf(): SweepTask[] {
  const text = readFileSync(resolve(REPO_ROOT, SCENARIO_FILE), 'utf8');
  const plan = buildSweepPlan({
    file: SCENARIO_FILE,
    scenarioSha256: createHash('sha256').update(text).digest('hex'),
    baseSets: ['duration=120s', 'workload.timeout=100ms'],
    vary: [],
    seeds: Array.from({ length: RUN_COUNT }, (_, i) => i + 1),
  });
  return plan.runs.map((run) => ({ index: run.index, file: SCENARIO_FILE, cwd: REPO_ROOT, sets: run.sets, seed: run.seed }));
}

async function measure(tasks: readonly SweepTask[], workers: number): Promise<{ wallSec: number; errors: number }> {
  let errors = 0;
  const startedMs = performance.now(); // wall-clock ok: benchmark timing
  await runTasks(tasks, {
    workerCount: workers,
    onOutcome: (_task, outcome) => {
      if (outcome.kind === 'error') errors++;
    },
  });
  return { wallSec: (performance.now() - startedMs) / 1000, errors }; // wall-clock ok: benchmark timing
}

export async function runSweepBench(): Promise<void> {
  const tasks = tasksOf();
  let baselineRunsPerSec: number | null = null;
  for (const workers of WORKER_COUNTS) {
    const { wallSec, errors } = await measure(tasks, workers);
    if (errors > 0) throw new Error(`sweep bench: ${errors} runs threw; run ddsim sweep on ${SCENARIO_FILE} to see why`);
    const runsPerSec = tasks.length / wallSec;
    baselineRunsPerSec ??= runsPerSec;
    const line: SweepBenchLine = {
      bench: 'sweep',
      runs: tasks.length,
      workers,
      wallSec: Number(wallSec.toFixed(3)),
      runsPerSec: Number(runsPerSec.toFixed(2)),
      speedUp: Number((runsPerSec / baselineRunsPerSec).toFixed(2)),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runSweepBench();
