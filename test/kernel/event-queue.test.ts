import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/kernel/event-queue.js';
import { StreamFactory, type Sfc32Stream } from '../../src/kernel/random-stream.js';

function drain(queue: EventQueue<string>): string[] {
  const out: string[] = [];
  while (queue.size > 0) {
    queue.beginRoot();
    out.push(queue.rootPayload());
    queue.finishRoot();
  }
  return out;
}

describe('EventQueue', () => {
  it('pops in time order and breaks ties by insertion order', () => {
    const queue = new EventQueue<string>();
    queue.push(30, 0, 'c');
    queue.push(10, 0, 'a1');
    queue.push(20, 0, 'b');
    queue.push(10, 0, 'a2');
    queue.push(10, 0, 'a3');
    expect(drain(queue)).toEqual(['a1', 'a2', 'a3', 'b', 'c']);
  });

  it('keeps its order when it grows past its initial capacity', () => {
    const random = new StreamFactory(9).stream('grow');
    const queue = new EventQueue<number>();
    const times: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(random.next() * 1000);
      times.push(t);
      queue.push(t, 0, i);
    }
    const popped = drain(queue as unknown as EventQueue<string>) as unknown as number[];
    const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((e) => e.i);
    expect(popped).toEqual(expected);
  });

  it('replace-top during handling gives the same order as pop then push', () => {
    const random = new StreamFactory(7).stream('test');
    const withReplace = new EventQueue<number>();
    const reference: { t: number; s: number; p: number }[] = [];
    let sequence = 0;
    for (let i = 0; i < 200; i++) {
      const t = Math.floor(random.next() * 100);
      withReplace.push(t, 0, i);
      reference.push({ t, s: sequence++, p: i });
    }
    const seen: number[] = [];
    const expected: number[] = [];
    let now = 0;
    for (let step = 0; step < 5000 && withReplace.size > 0; step++) {
      withReplace.beginRoot();
      const payload = withReplace.rootPayload();
      seen.push(payload);
      reference.sort((a, b) => a.t - b.t || a.s - b.s);
      const head = reference.shift()!;
      expected.push(head.p);
      now = head.t;
      // Schedule 0, 1 or 2 new events, as a handler would.
      const count = step < 4000 ? Math.floor(random.next() * 3) : 0;
      for (let k = 0; k < count; k++) {
        const t = now + Math.floor(random.next() * 50);
        const p = 1000 + step * 3 + k;
        withReplace.push(t, 0, p);
        reference.push({ t, s: sequence++, p });
      }
      withReplace.finishRoot();
    }
    expect(seen).toEqual(expected);
  });
});

describe('Sfc32Stream', () => {
  it('is deterministic per (seed, name) and differs across names and seeds', () => {
    const a = new StreamFactory(1).stream('network');
    const b = new StreamFactory(1).stream('network');
    const c = new StreamFactory(1).stream('workload');
    const d = new StreamFactory(2).stream('network');
    const draws = (s: Sfc32Stream) => Array.from({ length: 5 }, () => s.next());
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
    expect(draws(d)).not.toEqual(first);
  });

  it('draws uniforms with the right mean and exponentials with the right mean', () => {
    const s = new StreamFactory(3).stream('stats');
    let sum = 0;
    let expSum = 0;
    const n = 200_000;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = s.next();
      min = Math.min(min, u);
      max = Math.max(max, u);
      sum += u;
      expSum += s.exponential(5);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(Math.abs(expSum / n - 5)).toBeLessThan(0.05);
  });
});
