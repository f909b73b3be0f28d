// The lock model's observer on its own, with a hand-driven true clock: lease validity in true
// time (grants, renewals, releases), the counters a client's mistaken belief feeds, and the
// lock-holder role.

import { describe, expect, it } from 'vitest';
import type { MetricsRecorder, TruthOracle } from '../../src/model/api.js';
import { LockObserver } from '../../src/models/lock/observer.js';

function observerAt() {
  let nowUs = 0;
  const counts = new Map<string, number>();
  const metrics = { count: (name: string, delta = 1) => counts.set(name, (counts.get(name) ?? 0) + delta) } as unknown as MetricsRecorder;
  const oracle = { nowUs: () => nowUs, status: () => 'up' } as unknown as TruthOracle;
  const observer = new LockObserver(oracle, metrics, 10_000_000, 'lock-1');
  return { observer, at: (seconds: number) => void (nowUs = seconds * 1_000_000), count: (name: string) => counts.get(name) ?? 0 };
}

describe('the lock observer', () => {
  it('a renewal before expiry extends the stretch; one after starts a new stretch; a release ends it', () => {
    const { observer, at } = observerAt();
    observer.granted('a', 1);
    at(4);
    observer.renewed(1);
    at(20);
    observer.renewed(1);
    at(22);
    observer.released(1);
    expect(observer.facts().leases[0]!.valid).toEqual([
      { fromUs: 0, toUs: 14_000_000 },
      { fromUs: 20_000_000, toUs: 22_000_000 },
    ]);
  });

  it('counts checks that pass on an expired lease, and leases that run out between check and write', () => {
    const { observer, at, count } = observerAt();
    observer.granted('a', 1);
    at(9);
    observer.checked('a', 1);
    at(11);
    observer.writing('a', 1);
    expect(count('lock.expired-while-working')).toBe(1);
    expect(count('lock.checks-after-expiry')).toBe(0);
    observer.checked('a', 1);
    at(12);
    observer.writing('a', 1);
    expect(count('lock.checks-after-expiry')).toBe(1);
    expect(count('lock.expired-while-working')).toBe(1);
  });

  it('counts a stale write only once the lock went to another client; the holder is the latest valid grant', () => {
    const { observer, at, count } = observerAt();
    observer.granted('a', 1);
    expect(observer.holders()).toEqual(['a']);
    at(10.5);
    expect(observer.holders()).toEqual([]);
    observer.writeAccepted('a', 1);
    expect(count('writes.stale-accepted')).toBe(0);
    observer.granted('b', 2);
    observer.writeAccepted('a', 1);
    observer.writeAccepted('b', 2);
    expect(count('writes.stale-accepted')).toBe(1);
    expect(observer.holders()).toEqual(['b']);
    expect(observer.highestToken()).toBe(2);
  });
});
