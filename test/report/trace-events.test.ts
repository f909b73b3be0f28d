// The Trace Event Format writer over a small hand-made capture: tracks, flows bound after their
// slices, instants with reasons, down periods as slices placed first, the cap's note.

import { describe, expect, it } from 'vitest';
import type { CapturedRun, CaptureRecord } from '../../src/capture/event-capture.js';
import { traceEvents, traceFileLines, type TraceEvent } from '../../src/report/trace-events.js';

const METADATA = { scenario: 'tiny', file: 'tiny.yaml', seed: 3, reproduce: 'ddsim run tiny.yaml --seed 3' };

const message = (kind: CaptureRecord['kind'], timeUs: number, messageId: number, sentAtUs: number, body?: string): CaptureRecord =>
  ({ kind, timeUs, from: 'a', to: 'b', messageId, messageKind: 'ping', sentAtUs, ...(body === undefined ? {} : { body }) }) as CaptureRecord;

function capturedRun(records: CaptureRecord[], overrides: Partial<CapturedRun> = {}): CapturedRun {
  return {
    nodeNames: ['a', 'b'],
    fromUs: 0,
    toUs: 1_000,
    eventCountMax: 100,
    bodyCharsMax: 200,
    records,
    droppedEventCount: 0,
    capReachedAtUs: null,
    statusAtStart: ['up', 'up'],
    flagsAtStart: [[], []],
    ...overrides,
  };
}

const events = (captured: CapturedRun): TraceEvent[] => [...traceEvents(captured, METADATA)];

describe('trace events', () => {
  it('names the process and one thread per node, in node order', () => {
    const metadata = events(capturedRun([])).filter((event) => event.ph === 'M');
    expect(metadata).toEqual([
      { name: 'process_name', ph: 'M', pid: 1, tid: 0, args: { name: 'tiny' } },
      { name: 'thread_name', ph: 'M', pid: 1, tid: 1, args: { name: 'a' } },
      { name: 'thread_sort_index', ph: 'M', pid: 1, tid: 1, args: { sort_index: 0 } },
      { name: 'thread_name', ph: 'M', pid: 1, tid: 2, args: { name: 'b' } },
      { name: 'thread_sort_index', ph: 'M', pid: 1, tid: 2, args: { sort_index: 1 } },
    ]);
  });

  it('draws one flow per delivery, each start right after its send slice, a duplicate twice', () => {
    const trace = events(
      capturedRun([
        message('send', 10, 7, 10, '{"kind":"ping"}'),
        message('duplicated', 10, 7, 10),
        message('deliver', 15, 7, 10),
        message('deliver', 18, 7, 10),
        message('deliver', 20, 3, 2), // sent before the window: a slice, no arrow
      ]),
    ).filter((event) => event.ph !== 'M');
    expect(trace.map((event) => [event.ph, event.tid, event.ts, event.id ?? null])).toEqual([
      ['X', 1, 10, null],
      ['s', 1, 10, 1],
      ['s', 1, 10, 2],
      ['i', 1, 10, null],
      ['X', 2, 15, null],
      ['f', 2, 15, 1],
      ['X', 2, 18, null],
      ['f', 2, 18, 2],
      ['X', 2, 20, null],
    ]);
    expect(trace[0]).toMatchObject({ name: '→ b ping', cat: 'message', dur: 1, args: { messageId: 7, to: 'b', body: '{"kind":"ping"}' } });
    expect(trace[4]).toMatchObject({ name: '← a ping', args: { from: 'a', sentAtUs: 10, latencyUs: 5 } });
    expect(trace.filter((event) => event.ph === 's' || event.ph === 'f').every((event) => event.bp === 'e')).toBe(true);
  });

  it('shows failed messages as instants on the sender with the reason', () => {
    const trace = events(capturedRun([message('send', 1, 0, 1), message('lost', 1, 0, 1), message('unreachable', 2, 0, 1), message('refused', 3, 0, 1), message('dropped', 4, 0, 1)]));
    const instants = trace.filter((event) => event.ph === 'i');
    expect(instants.map((event) => [event.name, event.tid, event.s, (event.args as { reason: string }).reason])).toEqual([
      ['lost: ping → b', 1, 't', 'lost by the network (link loss)'],
      ['unreachable: ping → b', 1, 't', 'no route to b: partition or cut link'],
      ['refused: ping → b', 1, 't', 'connection refused: b is down'],
      ['dropped: ping → b', 1, 't', 'b is down (silent): the message vanished'],
    ]);
  });

  it('spans down and paused periods with slices placed before anything else at their start', () => {
    const trace = events(
      capturedRun(
        [
          message('send', 100, 0, 100),
          { kind: 'fault', timeUs: 100, label: 'crash a', faultKind: 'crash', revert: false, skipped: false, nodes: ['a'] },
          { kind: 'status', timeUs: 100, node: 'a', status: 'down-refusing' },
          { kind: 'status', timeUs: 300, node: 'a', status: 'up' },
          { kind: 'status', timeUs: 400, node: 'a', status: 'paused' },
          { kind: 'timer', timeUs: 500, node: 'b' },
        ],
        { statusAtStart: ['up', 'down-silent'], flagsAtStart: [['leader'], []] },
      ),
    ).filter((event) => event.ph !== 'M');
    expect(trace.map((event) => [event.name, event.ph, event.tid, event.ts, event.dur ?? null])).toEqual([
      ['down (silent)', 'X', 2, 0, 1_000],
      ['leader on', 'i', 1, 0, null],
      ['down (refusing connections)', 'X', 1, 100, 200],
      ['→ b ping', 'X', 1, 100, 1],
      ['crash a', 'i', 0, 100, null],
      ['paused', 'X', 1, 400, 600],
      ['timer', 'i', 2, 500, null],
    ]);
    expect(trace[4]).toMatchObject({ s: 'g', cat: 'fault', args: { kind: 'crash', revert: false, nodes: ['a'] } });
  });

  it('writes one JSON document that says when the cap cut the capture short', () => {
    const captured = capturedRun([{ kind: 'timer', timeUs: 5, node: 'a' }], { eventCountMax: 1, droppedEventCount: 9, capReachedAtUs: 6 });
    const document = JSON.parse([...traceFileLines(captured, METADATA)].join('\n'));
    expect(document.displayTimeUnit).toBe('ms');
    expect(document.otherData).toMatchObject({ scenario: 'tiny', seed: 3, truncated: true, droppedEventCount: 9, eventCountMax: 1, capReachedAtUs: 6 });
    expect(document.traceEvents.at(-1)).toMatchObject({ ph: 'i', s: 'g', ts: 6, name: 'trace cap reached (1 events): 9 later events left out' });
  });
});
