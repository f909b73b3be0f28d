// The heartbeat a run keeps of its model code, and the message a stopped callback gets: which
// callback runs (callback, node, label, simulated time).

import { describe, expect, it } from 'vitest';
import { CallbackHeartbeat } from '../../src/sim/callback-heartbeat.js';
import { stuckCallbackMessage } from '../../src/run/stuck-callback.js';

function heartbeat(): CallbackHeartbeat {
  const beat = new CallbackHeartbeat();
  beat.startRun(['client', 'server-1'], 1000);
  return beat;
}

describe('the callback heartbeat', () => {
  it('says which callback runs on which node, with its message type or timer name and the time', () => {
    const beat = heartbeat();
    beat.enterMessage(1, { type: 'request', key: 'x' }, 1_500_000);
    expect(beat.snapshot()).toMatchObject({ callback: 'onMessage', node: 'server-1', label: 'request', nowUs: 1_500_000, wallLimitMs: 1000 });
    beat.leave();
    expect(beat.snapshot()).toMatchObject({ callback: null, node: null, label: null });
    function tick(): void {}
    beat.enterTimer(0, tick, 2_000_000);
    expect(beat.snapshot()).toMatchObject({ callback: 'timer', node: 'client', label: 'tick', nowUs: 2_000_000 });
    beat.enterTimer(0, () => {}, 2_000_000);
    expect(beat.snapshot().label).toBeNull(); // an anonymous callback has no name
    beat.enter('finish', -1, 3_000_000);
    expect(beat.snapshot()).toMatchObject({ callback: 'finish', node: null, label: null });
  });

  it('names string messages by themselves, and nothing else without a string `type`', () => {
    const beat = heartbeat();
    beat.enterRefused(0, 'ping', 0);
    expect(beat.snapshot()).toMatchObject({ callback: 'onRefused', label: 'ping' });
    for (const message of [42, null, { type: 7 }, ['request']]) {
      beat.enterMessage(0, message, 0);
      expect(beat.snapshot().label).toBeNull();
    }
  });

  it('starts each run afresh: its own node names, its own limit, nothing running', () => {
    const beat = heartbeat();
    beat.enterMessage(1, { type: 'old' }, 0);
    beat.startRun(['x', 'y', 'z'], 2500);
    expect(beat.snapshot()).toMatchObject({ callback: null, wallLimitMs: 2500 });
    beat.enterMessage(2, { type: 'new' }, 0);
    expect(beat.snapshot()).toMatchObject({ node: 'z', label: 'new' });
  });

  it('names node 10,000 of a large cluster', () => {
    const beat = new CallbackHeartbeat();
    beat.startRun(Array.from({ length: 10_000 }, (_, i) => `server-${i + 1}`), 1000);
    beat.enterMessage(9_999, { type: 'ping' }, 0);
    expect(beat.snapshot()).toMatchObject({ node: 'server-10000', label: 'ping' });
  });
});

describe('the stuck-callback message', () => {
  it('says what hung, where, when, and what to do', () => {
    const beat = heartbeat();
    beat.enterMessage(1, { type: 'request' }, 1_234_567);
    expect(stuckCallbackMessage(beat.snapshot())).toBe(
      "the system model's onMessage of a `request` message on node server-1 at simulated time 1.234567s has not returned " +
        'after 1s of wall time (limits.callback-wall: 1s): an endless loop? If it is only slow, raise limits.callback-wall',
    );
    beat.enter('createNode', 0, 0);
    expect(stuckCallbackMessage(beat.snapshot())).toContain("the system model's createNode (setup) on node client at simulated time 0.000000s");
    function tick(): void {}
    beat.enterTimer(0, tick, 2_000_000);
    expect(stuckCallbackMessage(beat.snapshot())).toContain("the system model's timer callback `tick` on node client at simulated time 2.000000s");
  });
});
