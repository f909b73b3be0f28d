// `node dist/bench/large-cluster.js [scenario.yaml]`: loads, sets up and runs the 10,000-node
// scenario (bench/large-cluster.yaml by default) and prints one JSON line: node count, set-up
// time (loading plus building the run: topology, links, models), run time, stop reason and
// peak RSS. test/bench/large-cluster.test.ts runs it under a 1 GB heap.
// This is a measuring tool: wall-clock reads are allowed here (each marked for the determinism grep).

import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenarioFile } from '../io/scenario-file.js';
import { ScenarioRun } from '../run/run-scenario.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCENARIO_FILE_DEFAULT = resolve(REPO_ROOT, 'bench/large-cluster.yaml');

function secondsSince(startNs: bigint): number {
  return Number((Number(process.hrtime.bigint() - startNs) / 1e9).toFixed(4)); // wall-clock ok
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? SCENARIO_FILE_DEFAULT;
  const setupStartNs = process.hrtime.bigint(); // wall-clock ok
  const scenario = await loadScenarioFile(file, { cwd: REPO_ROOT, sets: [] });
  const run = new ScenarioRun(scenario);
  const setupSec = secondsSince(setupStartNs);
  const runStartNs = process.hrtime.bigint(); // wall-clock ok
  run.advance();
  const result = run.result();
  const runSec = secondsSince(runStartNs);
  const line = {
    scenario: scenario.name,
    nodeCount: scenario.nodes.length,
    setupSec,
    runSec,
    stopReason: result.stopReason,
    events: result.metrics['events'],
    requests: result.metrics['requests.total'],
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), // maxRSS is in KiB
  };
  console.log(JSON.stringify(line));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
