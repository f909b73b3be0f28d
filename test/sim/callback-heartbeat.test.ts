// The heartbeat a run writes for the callback watchdog, and how a watchdog reads it: which model
// code runs (callback, node, label, simulated time), and when one callback counts as stuck.

import { describe, expect, it } from 'vitest';
import { CallbackHeartbeat, HEARTBEAT_BYTES, readHeartbeat } from '../../src/sim/callback-heartbeat.js';
import { StuckCallbackDetector, stuckCallbackMessage } from '../../src/run/stuck-callback.js';

function heartbeat(): CallbackHeartbeat {
  const beat = new CallbackHeartbeat(new SharedArrayBuffer(HEARTBEAT_BYTES));
  beat.startRun(['client', 'server-1'], 1000);
  return beat;
}

describe('the callback heartbeat', () => {
  it('says which callback runs on which node, with its message type or timer name and the time', () => {
    const beat = heartbeat();
    beat.enterMessage(1, { type: 'request', key: 'x' }, 1_500_000);
    expect(readHeartbeat(beat.buffer).label).toBeNull(); // named only once stopped, by the thread that ran it
    beat.nameRunningCallback();
    expect(readHeartbeat(beat.buffer)).toMatchObject({ callback: 'onMessage', node: 'server-1', label: 'request', nowUs: 1_500_000, wallLimitMs: 1000 });
    beat.leave();
    expect(readHeartbeat(beat.buffer).callback).toBeNull();
    function tick(): void {}
    beat.enterTimer(0, tick, 2_000_000);
    beat.nameRunningCallback();
    expect(readHeartbeat(beat.buffer)).toMatchObject({ callback: 'timer', node: 'client', label: 'tick', nowUs: 2_000_000 });
    beat.enterTimer(0, () => {}, 2_000_000);
    beat.nameRunningCallback();
    expect(readHeartbeat(beat.buffer).label).toBeNull(); // an anonymous callback has no name
    beat.enter('finish', -1, 3_000_000);
    expect(readHeartbeat(beat.buffer)).toMatchObject({ callback: 'finish', node: null, label: null });
  });

  it('names string messages by themselves, and nothing else without a string `type`', () => {
    const beat = heartbeat();
    beat.enterRefused(0, 'ping', 0);
    beat.nameRunningCallback();
    expect(readHeartbeat(beat.buffer)).toMatchObject({ callback: 'onRefused', label: 'ping' });
    for (const message of [42, null, { type: 7 }, ['request']]) {
      beat.enterMessage(0, message, 0);
      beat.nameRunningCallback();
      expect(readHeartbeat(beat.buffer).label).toBeNull();
    }
  });

  it('bumps its sequence on every entry, so a reader can tell one long callback from many short ones', () => {
    const beat = heartbeat();
    const before = readHeartbeat(beat.buffer).sequence;
    beat.enterMessage(0, { type: 'a' }, 0);
    beat.leave();
    beat.enterMessage(0, { type: 'a' }, 0);
    expect(readHeartbeat(beat.buffer).sequence).toBe(before + 2);
  });

  it('starts each run afresh: its own node names and labels, its own limit', () => {
    const beat = heartbeat();
    beat.enterMessage(1, { type: 'old' }, 0);
    beat.startRun(['x', 'y', 'z'], 2500);
    expect(readHeartbeat(beat.buffer)).toMatchObject({ callback: null, wallLimitMs: 2500 });
    beat.enterMessage(2, { type: 'new' }, 0);
    beat.nameRunningCallback();
    expect(readHeartbeat(beat.buffer)).toMatchObject({ node: 'z', label: 'new' });
  });

  it('keeps long labels to whole characters within its entry, and stops naming once its table is full', () => {
    const beat = heartbeat();
    beat.enterMessage(0, { type: 'é'.repeat(100) }, 0);
    beat.nameRunningCallback();
    const label = readHeartbeat(beat.buffer).label!;
    expect(label).toBe('é'.repeat(31)); // 62 of the 63 bytes: no half character
    for (let i = 0; i < 17_000; i++) {
      beat.enterMessage(0, { type: `t${i}` }, 0);
      beat.nameRunningCallback();
    }
    expect(readHeartbeat(beat.buffer).label).toBeNull();
    expect(readHeartbeat(beat.buffer).node).toBe('client');
  });

  it('names every node of a 10,000-node topology (NODE_COUNT_MAX)', () => {
    const beat = new CallbackHeartbeat();
    beat.startRun(Array.from({ length: 10_000 }, (_, i) => `server-${i + 1}`), 1000);
    beat.enterMessage(9_999, { type: 'ping' }, 0);
    beat.nameRunningCallback();
    expect(readHeartbeat(beat.buffer)).toMatchObject({ node: 'server-10000', label: 'ping' });
  });

  it('refuses a buffer too small for it', () => {
    expect(() => new CallbackHeartbeat(new ArrayBuffer(64))).toThrow(/needs \d+ bytes/);
  });
});

describe('the stuck-callback detector', () => {
  it('fires when the same callback ran through readings spanning the limit, not before', () => {
    const beat = heartbeat();
    const detector = new StuckCallbackDetector();
    beat.enterMessage(1, { type: 'request' }, 1_000_000);
    expect(detector.observe(readHeartbeat(beat.buffer), 0)).toBe(false);
    expect(detector.observe(readHeartbeat(beat.buffer), 750)).toBe(false);
    expect(detector.observe(readHeartbeat(beat.buffer), 1000)).toBe(true);
  });

  it('does not fire for many short callbacks, nor between callbacks, nor before a run sets its limit', () => {
    const beat = heartbeat();
    const detector = new StuckCallbackDetector();
    for (let nowMs = 0; nowMs <= 5000; nowMs += 250) {
      beat.enterMessage(0, { type: 'a' }, nowMs);
      expect(detector.observe(readHeartbeat(beat.buffer), nowMs)).toBe(false);
    }
    beat.leave();
    for (let nowMs = 5000; nowMs <= 9000; nowMs += 250) expect(detector.observe(readHeartbeat(beat.buffer), nowMs)).toBe(false);
    const unstarted = new CallbackHeartbeat(new SharedArrayBuffer(HEARTBEAT_BYTES));
    unstarted.enter('finish', -1, 0);
    expect(detector.observe(readHeartbeat(unstarted.buffer), 0)).toBe(false);
    expect(detector.observe(readHeartbeat(unstarted.buffer), 100_000)).toBe(false);
  });

  it('says what hung, where, when, and what to do', () => {
    const beat = heartbeat();
    beat.enterMessage(1, { type: 'request' }, 1_234_567);
    beat.nameRunningCallback();
    expect(stuckCallbackMessage(readHeartbeat(beat.buffer))).toBe(
      "the system model's onMessage of a `request` message on node server-1 at simulated time 1.234567s has not returned " +
        'after 1s of wall time (limits.callback-wall: 1s): an endless loop? If it is only slow, raise limits.callback-wall',
    );
    beat.enter('createNode', 0, 0);
    expect(stuckCallbackMessage(readHeartbeat(beat.buffer))).toContain("the system model's createNode (setup) on node client at simulated time 0.000000s");
    beat.enterMessage(1, { type: 'request' }, 1_234_567); // seen from another thread: no label
    expect(stuckCallbackMessage(readHeartbeat(beat.buffer))).toContain("the system model's onMessage on node server-1 at simulated time 1.234567s");
  });
});
