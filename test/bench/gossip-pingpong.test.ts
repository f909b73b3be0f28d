// The benchmark scenario (bench/gossip-pingpong.yaml) at a small size, loaded through the real
// scenario loader with the model module by path: it does what ../shared/bench/README.md
// describes, and it is deterministic.

import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile } from '../../src/io/scenario-file.js';
import { runScenario } from '../../src/run/run-scenario.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const DELIVERY_COUNT_TARGET = 20_000;
const NODE_COUNT = 100;
const LOSS_PROBABILITY = 0.01;

/** Runs the shipped scenario with the TypeScript model (the YAML names the compiled one). */
async function runBench(): Promise<Readonly<Record<string, number>>> {
  const scenario = await loadScenarioFile('bench/gossip-pingpong.yaml', {
    cwd: REPO_ROOT,
    sets: [
      `system.model=${resolve(REPO_ROOT, 'src/bench/gossip-pingpong-model.ts')}`,
      `system.deliveries=${DELIVERY_COUNT_TARGET}`,
    ],
  });
  const result = runScenario(scenario);
  expect(result.stopReason).toBe('completed');
  return result.metrics;
}

describe('gossip-pingpong benchmark scenario', () => {
  test('reaches the delivery target, then stops once the messages in flight have landed', async () => {
    const metrics = await runBench();
    expect(metrics['deliveries']).toBeGreaterThanOrEqual(DELIVERY_COUNT_TARGET);
    // At most one message per node is in flight when the target is reached.
    expect(metrics['deliveries']).toBeLessThanOrEqual(DELIVERY_COUNT_TARGET + NODE_COUNT);
    expect(metrics['messages.delivered']).toBe(metrics['deliveries']);
  });

  test('events are deliveries plus retransmit-timer firings, about 1% of deliveries', async () => {
    const metrics = await runBench();
    const timerFiringCount = metrics['events']! - metrics['deliveries']!;
    // Every lost transmission is retransmitted (no give-up), so each loss is one timer firing.
    expect(timerFiringCount).toBe(metrics['messages.lost']);
    // Losses ~ Binomial(transmissions, p) with transmissions = deliveries + losses:
    // mean D·p/(1-p) ≈ 202, standard deviation ≈ 14; allow five standard deviations.
    const deliveryCount = metrics['deliveries']!;
    const expected = (deliveryCount * LOSS_PROBABILITY) / (1 - LOSS_PROBABILITY);
    const standardDeviation = Math.sqrt(expected * (1 - LOSS_PROBABILITY));
    expect(Math.abs(timerFiringCount - expected)).toBeLessThanOrEqual(5 * standardDeviation);
  });

  test('is deterministic: two runs give identical metrics', async () => {
    expect(await runBench()).toEqual(await runBench());
  });
});
