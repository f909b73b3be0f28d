// The lock scenarios run end to end and show their lesson: a holder paused past its lease writes
// stale data (DDIA Figure 8-4); with fencing tokens storage rejects it (Figure 8-5).

import { describe, expect, it } from 'vitest';
import { runScenarioJson } from './run-scenario-json.js';

describe('lock scenarios', () => {
  it('lease-gc-pause: the paused holder writes after its lease passed to another; fencing rejects it', async () => {
    const broken = await runScenarioJson('lease-gc-pause.yaml');
    expect(broken.code).toBe(1);
    expect(broken.verdict('no-stale-writes')).toBe(false);
    expect(broken.metrics['writes.stale-accepted']).toBe(1);
    expect(broken.metrics['lock.expired-while-working']).toBe(1);
    const check = broken.document.expectations.find((e: { expr: string }) => e.expr === 'no-stale-writes');
    expect(check.witness).toMatchObject({ client: 'client-1', token: 1, holder: { client: 'client-2', token: 2 } });
    expect(broken.document.faults[0].label).toBe('pause role lock-holder (lock-holder: client-1)');
    // The stale write shows on the timeline's failure row when the pause ends (17s).
    const timeline = broken.document.timeline;
    const failedAt = timeline.failuresPerBucket.flatMap((count: number, bucket: number) => (count > 0 ? [bucket * timeline.bucketMs] : []));
    expect(failedAt).toHaveLength(1);
    expect(failedAt[0]).toBeGreaterThan(16_500);
    expect(failedAt[0]).toBeLessThanOrEqual(17_000);
    const fixed = await runScenarioJson('lease-gc-pause.yaml', '--set', 'system.fencing=true');
    expect(fixed.code).toBe(0);
    expect(fixed.metrics['writes.stale-rejected']).toBe(1);
    expect(fixed.metrics['writes.stale-accepted']).toBe(0);
  });
});
