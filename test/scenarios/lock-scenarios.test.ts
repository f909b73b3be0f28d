// The lock scenarios run end to end and show their lesson: a holder paused past its lease writes
// stale data (DDIA Figure 8-4), and with fencing tokens storage rejects it (Figure 8-5); a clock
// jump breaks leases checked on the time-of-day clock, and not those on the monotonic clock.

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

  it('lease-clock-jump: a client whose clock stepped back keeps writing on an expired lease; monotonic leases do not', async () => {
    const broken = await runScenarioJson('lease-clock-jump.yaml');
    expect(broken.code).toBe(1);
    expect(broken.verdict('no-stale-writes')).toBe(false);
    expect(broken.metrics['clock.backward-steps']).toBe(1);
    // From the service's expiry (10s) to the end (30s), client-1 writes about once a second.
    expect(broken.metrics['writes.stale-accepted']).toBeGreaterThan(15);
    expect(broken.metrics['lock.checks-after-expiry']).toBeGreaterThan(15);
    const check = broken.document.expectations.find((e: { expr: string }) => e.expr === 'no-stale-writes');
    expect(check.witness).toMatchObject({ client: 'client-1', token: 1, holder: { client: 'client-2', token: 2 } });
    expect(check.witness.leaseExpiredMs).toBeGreaterThan(10_000);
    expect(check.witness.leaseExpiredMs).toBeLessThan(10_100);
    const monotonic = await runScenarioJson('lease-clock-jump.yaml', '--set', 'system.lease-clock=monotonic');
    expect(monotonic.code).toBe(0);
    expect(monotonic.metrics['lock.grants']).toBe(1);
    expect(monotonic.metrics['writes.stale-accepted']).toBe(0);
  });

  it('lease-clock-jump with fencing: rejected once storage has seen the newer token, not before', async () => {
    const fenced = await runScenarioJson('lease-clock-jump.yaml', '--set', 'system.fencing=true');
    expect(fenced.metrics['writes.stale-rejected']).toBe(1);
    // The one stale write that reached storage before client-2's first write.
    expect(fenced.metrics['writes.stale-accepted']).toBe(1);
    const check = fenced.document.expectations.find((e: { expr: string }) => e.expr === 'no-stale-writes');
    expect(check.witness.writeAcceptedMs).toBeLessThan(check.witness.holder.grantedMs + 1_100);
  });

  it('lease-clock-jump on the service: a clock jumping forward grants the lock over a valid lease', async () => {
    const jump = ['--set', 'faults[0].clock=lock-1', '--set', 'faults[0].jump=30s'];
    const broken = await runScenarioJson('lease-clock-jump.yaml', ...jump);
    expect(broken.metrics['lock.grants-before-expiry']).toBe(1);
    expect(broken.metrics['writes.stale-accepted']).toBeGreaterThan(0);
    const monotonic = await runScenarioJson('lease-clock-jump.yaml', ...jump, '--set', 'system.lease-clock=monotonic');
    expect(monotonic.code).toBe(0);
    expect(monotonic.metrics['lock.grants-before-expiry']).toBe(0);
    expect(monotonic.metrics['writes.stale-accepted']).toBe(0);
  });
});
