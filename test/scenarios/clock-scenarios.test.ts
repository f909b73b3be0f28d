// The clock scenarios run end to end and show their lessons: drift bounded by synchronization,
// and a skewed or stepped clock dropping acknowledged writes under last-write-wins (the fixes their
// comments name drop none).

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

  it('clock-lww-lost-update: a client 3ms behind loses writes to earlier ones; no skew, a skew under the round trip, or coordinator stamps lose none', async () => {
    const broken = await runScenarioJson('clock-lww-lost-update.yaml');
    expect(broken.code).toBe(1);
    expect(broken.metrics['writes.lww-dropped']).toBeGreaterThan(10);
    expect(broken.metrics['writes.lost']).toBe(broken.metrics['writes.lww-dropped']);
    expect(broken.metrics['writes.unreadable']).toBe(0);
    expect(broken.verdict('no-lost-writes')).toBe(false);
    expect(broken.verdict('converged')).toBe(true);
    const witness = broken.document.expectations.find((e: { expr: string }) => e.expr === 'no-lost-writes').witness;
    expect(witness.lostWrites[0].reason).toMatch(/\(client-1's clock against client-2's\)$/);
    for (const fix of ['clocks.nodes.client-2.offset=0ms', 'clocks.nodes.client-2.offset=-900us', 'system.timestamps=coordinator']) {
      const fixed = await runScenarioJson('clock-lww-lost-update.yaml', '--set', fix);
      expect(fixed.code, fix).toBe(0);
      expect(fixed.metrics['writes.lww-dropped'], fix).toBe(0);
    }
  });

  it('lww-clock-jump-backwards: the coordinator stepped back 2s drops the writes of the next 2s; versions or client stamps drop none', async () => {
    const broken = await runScenarioJson('lww-clock-jump-backwards.yaml');
    expect(broken.code).toBe(1);
    expect(broken.metrics['clock.backward-steps']).toBeGreaterThanOrEqual(1);
    expect(broken.metrics['writes.lww-dropped']).toBeGreaterThan(50);
    expect(broken.metrics['reads.stale']).toBeGreaterThan(0);
    expect(broken.verdict('converged')).toBe(true);
    // Every dropped write was acknowledged within the two seconds after the jump.
    const marks = broken.document.expectations.find((e: { expr: string }) => e.expr === 'no-lost-writes').marks;
    const lost = broken.document.expectations.find((e: { expr: string }) => e.expr === 'no-lost-writes').witness.lostWrites;
    for (const { acknowledgedMs } of lost) {
      expect(acknowledgedMs).toBeGreaterThan(10_000);
      expect(acknowledgedMs).toBeLessThan(12_100);
    }
    expect(marks[0].label).toMatch(/acknowledged, later lost \(lww\)/);
    const shorter = await runScenarioJson('lww-clock-jump-backwards.yaml', '--set', 'faults[0].jump=-200ms');
    expect(shorter.metrics['writes.lww-dropped']).toBeGreaterThan(0);
    expect(shorter.metrics['writes.lww-dropped']).toBeLessThan(broken.metrics['writes.lww-dropped'] / 3);
    for (const fix of ['system.conflict=versions', 'system.timestamps=client']) {
      const fixed = await runScenarioJson('lww-clock-jump-backwards.yaml', '--set', fix);
      expect(fixed.code, fix).toBe(0);
      expect(fixed.metrics['writes.lost'], fix).toBe(0);
    }
  });
});
