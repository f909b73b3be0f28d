// The clock lessons: each shipped clock scenario shows what its comment promises.

import { describe, expect, it } from 'vitest';
import { runScenarioJson } from './run-scenario-json.js';

describe('clock scenarios', () => {
  it('clock-drift-ntp: 200 ppm with a sync every 30 s stays within 6 ms plus the error; a day without sync drifts by seconds', async () => {
    const synced = await runScenarioJson('clock-drift-ntp.yaml');
    expect(synced.code).toBe(0);
    expect(synced.metrics['clock.offset.max']).toBeGreaterThan(3);
    expect(synced.metrics['clock.offset.max']).toBeLessThan(10);
    expect(synced.document.timeline.clockOffsetMsPerBucket).toHaveLength(synced.document.timeline.bucketCount);
    const unsynced = await runScenarioJson('clock-drift-ntp.yaml', '--set', 'clocks.sync=off', '--set', 'duration=24h');
    expect(unsynced.code).toBe(1);
    // Five drifts from ±200 ppm over 86,400 s: the largest |drift| x 24 h, at most 17.28 s.
    expect(unsynced.metrics['clock.offset.max']).toBeGreaterThan(8_000);
    expect(unsynced.metrics['clock.offset.max']).toBeLessThanOrEqual(17_280 + 1e-6);
    expect(unsynced.metrics['detector.false-suspicions']).toBe(0);
  });
});
