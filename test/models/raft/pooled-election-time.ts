// Pools `leader.election-time` over many runs of a scenario, the way `ddsim sweep --pool` does:
// each run's histogram as a sketch (ScenarioRun.histogramSketches), merged into one
// StreamingHistogram. In-process and sequential: for the election-time tests against the paper.

import { readFileSync } from 'node:fs';
import { StreamingHistogram, type HistogramSketch } from '../../../src/metrics/streaming-histogram.js';
import { ScenarioRun } from '../../../src/run/run-scenario.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../../src/scenario/resolve-model.js';
import { builtinModelNames, loadBuiltinModel } from '../../../src/models/registry.js';

export interface PooledElectionTime {
  readonly runs: number;
  readonly samples: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** Largest leader.unavailable-ms of any run. */
  readonly unavailableMsMax: number;
}

const resolveModel = createModelResolver(loadBuiltinModel, builtinModelNames);

export async function pooledElectionTime(scenarioFile: string, seeds: readonly number[], sets: readonly string[]): Promise<PooledElectionTime> {
  const text = readFileSync(new URL(`../../../scenarios/${scenarioFile}`, import.meta.url), 'utf8');
  const sketches: HistogramSketch[] = [];
  let unavailableMsMax = 0;
  for (const seed of seeds) {
    const scenario = await loadScenario({ file: scenarioFile, text, sets: [`seed=${seed}`, ...sets], resolveModel });
    const run = new ScenarioRun(scenario);
    unavailableMsMax = Math.max(unavailableMsMax, run.result().metrics['leader.unavailable-ms'] ?? 0);
    const sketch = run.histogramSketches(['leader.election-time'])['leader.election-time'];
    if (sketch) sketches.push(sketch);
  }
  const pooled = StreamingHistogram.fromSketches(sketches);
  return { runs: seeds.length, samples: pooled.count, p50Ms: pooled.quantile(0.5), p90Ms: pooled.quantile(0.9), p99Ms: pooled.quantile(0.99), maxMs: pooled.max, unavailableMsMax };
}
