import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel.js';

describe('Kernel', () => {
  it('runs handlers in time order, advances the clock and stops at the horizon', () => {
    const kernel = new Kernel(1000);
    const seen: [number, string][] = [];
    const kind = kernel.registerHandler((label: string) => {
      seen.push([kernel.nowUs, label]);
      if (label === 'a') kernel.scheduleAfter(5, kind, 'a-child');
    });
    kernel.scheduleAt(10, kind, 'a');
    kernel.scheduleAt(12, kind, 'b');
    kernel.scheduleAt(100, kind, 'late');
    expect(kernel.runUntil(50)).toBe('time-reached');
    expect(seen).toEqual([
      [10, 'a'],
      [12, 'b'],
      [15, 'a-child'],
    ]);
    expect(kernel.nowUs).toBe(50);
    expect(kernel.eventCount).toBe(3);
  });

  it('stops at the event budget and says so', () => {
    const kernel = new Kernel(10);
    const kind = kernel.registerHandler(() => kernel.scheduleAfter(1, kind, null));
    kernel.scheduleAt(0, kind, null);
    expect(kernel.runUntil(Infinity)).toBe('event-budget-exhausted');
    expect(kernel.eventCount).toBe(10);
  });

  it('refuses to schedule in the past (a bug, not a user error)', () => {
    const kernel = new Kernel(10);
    const kind = kernel.registerHandler(() => kernel.scheduleAt(0, kind, null));
    kernel.scheduleAt(5, kind, null);
    expect(() => kernel.runUntil(10)).toThrow(/past/);
  });

  it('calls the handler of each kind, early kinds (one call site each) and later ones alike', () => {
    const kernel = new Kernel(1000);
    const seen: string[] = [];
    const kinds = Array.from({ length: 9 }, (_, i) => kernel.registerHandler((payload: string) => seen.push(`${i}:${payload}`)));
    // Scheduled in reverse kind order, at increasing times: run in time order.
    kinds.reverse().forEach((kind, i) => kernel.scheduleAt(i, kind, `p${kind}`));
    kernel.runUntil(Infinity);
    expect(seen).toEqual(['8:p8', '7:p7', '6:p6', '5:p5', '4:p4', '3:p3', '2:p2', '1:p1', '0:p0']);
  });

  it('stops a slice after the given number of events and goes on where it stopped', () => {
    const kernel = new Kernel(1000);
    const seen: number[] = [];
    const kind = kernel.registerHandler((n: number) => seen.push(n));
    for (let n = 0; n < 5; n++) kernel.scheduleAt(n * 10, kind, n);
    expect(kernel.runUntil(Infinity, 2)).toBe('slice-done');
    expect(seen).toEqual([0, 1]);
    expect(kernel.runUntil(Infinity)).toBe('queue-empty');
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});
