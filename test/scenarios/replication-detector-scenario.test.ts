// repl-failover-detector: leader-follower failover through a failure detector.

import { describe, expect, it } from 'vitest';
import { runScenarioJson } from './run-scenario-json.js';

describe('repl-failover-detector', () => {
  it('a detector tighter than a GC pause elects needlessly; a looser one or phi accrual waits it out', async () => {
    const tight = await runScenarioJson('repl-failover-detector.yaml');
    expect(tight.code).toBe(1);
    expect(tight.verdict('leader.elections == 0')).toBe(false);
    expect(tight.metrics['detector.false-suspicions']).toBeGreaterThan(0);
    expect(tight.verdict('single-leader')).toBe(true); // epochs make the woken leader step down
    expect(tight.verdict('no-lost-writes')).toBe(true);

    const loose = await runScenarioJson('repl-failover-detector.yaml', '--set', 'system.detector.timeout=2s');
    expect(loose.code).toBe(0);
    expect(loose.metrics['leader.elections']).toBe(0);
    expect(loose.metrics['detector.false-suspicions']).toBe(0);
    // Waiting out the pause leaves the cluster without a working leader for the whole pause.
    expect(loose.metrics['leader.unavailable-ms']).toBeGreaterThan(tight.metrics['leader.unavailable-ms']);

    const phi = await runScenarioJson(
      'repl-failover-detector.yaml',
      '--set',
      'system.detector={ kind: phi-accrual, interval: 100ms, acceptable-pause: 1.5s }',
    );
    expect(phi.metrics['leader.elections']).toBe(0);
  });
});
