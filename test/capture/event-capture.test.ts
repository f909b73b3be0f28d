// The event capture: nothing when a run does not ask for it; what it keeps matches the network's
// own counters; the window, the cap and the body bound hold.

import { describe, expect, it } from 'vitest';
import { bodyOf, EventCapture, type CaptureOptions, type CaptureRecord, type MessageRecord } from '../../src/capture/event-capture.js';
import { loadScenarioFile } from '../../src/io/scenario-file.js';
import { ScenarioRun } from '../../src/run/run-scenario.js';

const WHOLE_RUN: CaptureOptions = { fromUs: 0, toUs: Infinity, eventCountMax: 1_000_000, bodyCharsMax: 200 };

async function capturedRun(file: string, capture: CaptureOptions | undefined, sets: string[] = []) {
  const scenario = await loadScenarioFile(file, { cwd: process.cwd(), sets });
  const run = new ScenarioRun(scenario, capture === undefined ? {} : { capture });
  const result = run.result();
  return { result, captured: run.captured() };
}

const countOf = (records: readonly CaptureRecord[], kind: CaptureRecord['kind']): number => records.filter((record) => record.kind === kind).length;

describe('event capture', () => {
  it('records nothing and costs no result change when the run does not ask for it', async () => {
    const without = await capturedRun('scenarios/detect-refused-vs-silent.yaml', undefined);
    const withCapture = await capturedRun('scenarios/detect-refused-vs-silent.yaml', WHOLE_RUN);
    expect(without.captured).toBeNull();
    expect(withCapture.captured!.records.length).toBeGreaterThan(0);
    expect(withCapture.result).toEqual(without.result); // capturing changes nothing in the run
  });

  it('keeps one record per message event, matching the network counters, with one id per message', async () => {
    const { result, captured } = await capturedRun('scenarios/retries-under-loss.yaml', WHOLE_RUN, ['network.duplicate=0.02']);
    const records = captured!.records;
    const metrics = result.metrics;
    expect(countOf(records, 'send')).toBe(metrics['messages.sent']);
    expect(countOf(records, 'deliver')).toBe(metrics['messages.delivered']);
    expect(countOf(records, 'lost')).toBe(metrics['messages.lost']);
    expect(countOf(records, 'unreachable')).toBe(metrics['messages.unreachable']);
    expect(countOf(records, 'duplicated')).toBe(metrics['messages.duplicated']);
    expect(countOf(records, 'refused')).toBe(metrics['messages.refused']);
    for (const kind of ['duplicated', 'lost', 'unreachable', 'refused', 'held', 'timer', 'fault', 'status'] as const) {
      expect(countOf(records, kind), kind).toBeGreaterThan(0);
    }
    const sends = new Map<number, MessageRecord>();
    for (const record of records) {
      if (record.kind === 'send') {
        expect(sends.has(record.messageId)).toBe(false);
        sends.set(record.messageId, record);
      } else if ('messageId' in record) {
        const send = sends.get(record.messageId)!; // the whole run: every message's send is there
        expect({ from: record.from, to: record.to, sentAtUs: record.sentAtUs, kind: record.messageKind }).toEqual({
          from: send.from,
          to: send.to,
          sentAtUs: send.timeUs,
          kind: send.messageKind,
        });
        expect(record.timeUs).toBeGreaterThanOrEqual(send.timeUs);
      }
    }
    const times = records.map((record) => record.timeUs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(captured!.droppedEventCount).toBe(0);
    expect(captured!.capReachedAtUs).toBeNull();
  });

  it('records faults with their labels, and the status changes they cause', async () => {
    const { captured } = await capturedRun('scenarios/detect-refused-vs-silent.yaml', WHOLE_RUN);
    const records = captured!.records;
    const faults = records.filter((record) => record.kind === 'fault');
    expect(faults.map((fault) => [fault.timeUs, fault.label, fault.nodes])).toEqual([
      [20_000_000, 'crash node-1', ['node-1']],
      [20_000_000, 'crash node-2 (silent)', ['node-2']],
    ]);
    const downs = records.filter((record) => record.kind === 'status' && record.status !== 'up');
    expect(downs).toEqual([
      { kind: 'status', timeUs: 20_000_000, node: 'node-1', status: 'down-refusing' },
      { kind: 'status', timeUs: 20_000_000, node: 'node-2', status: 'down-silent' },
    ]);
    expect(records.some((record) => record.kind === 'flag' && record.flag === 'suspected' && record.on)).toBe(true);
  });

  it('keeps only events inside the window, and the status and flags the window opens with', async () => {
    const window = { ...WHOLE_RUN, fromUs: 25_000_000, toUs: 30_000_000 };
    const { captured } = await capturedRun('scenarios/detect-refused-vs-silent.yaml', window);
    const records = captured!.records;
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((record) => record.timeUs >= 25_000_000 && record.timeUs < 30_000_000)).toBe(true);
    expect(captured!.statusAtStart).toEqual(['up', 'down-refusing', 'down-silent']);
    expect(captured!.flagsAtStart).toEqual([[], ['suspected'], ['suspected']]);
    expect([captured!.fromUs, captured!.toUs]).toEqual([25_000_000, 30_000_000]);
  });

  it('stops keeping at the cap, and counts what it left out', async () => {
    const { captured } = await capturedRun('scenarios/detect-refused-vs-silent.yaml', { ...WHOLE_RUN, eventCountMax: 50 });
    const full = await capturedRun('scenarios/detect-refused-vs-silent.yaml', WHOLE_RUN);
    expect(captured!.records).toEqual(full.captured!.records.slice(0, 50));
    expect(captured!.droppedEventCount).toBe(full.captured!.records.length - 50);
    expect(captured!.capReachedAtUs).toBe(full.captured!.records[50]!.timeUs);
  });

  it('a window after the run ends keeps nothing', () => {
    let nowUs = 0;
    const capture = new EventCapture(['a', 'b'], () => nowUs, { ...WHOLE_RUN, fromUs: 5_000 });
    const envelope = { from: 0, to: 1, message: { kind: 'ping' } };
    capture.messageSent(envelope);
    nowUs = 10;
    capture.messageEvent('deliver', envelope);
    capture.timerFired(1);
    capture.statusChanged(1, 'paused');
    expect(capture.finish(20)).toMatchObject({ records: [], toUs: 5_000, statusAtStart: ['up', 'paused'] });
  });

  it('keeps bodies as JSON cut to the bound, and describes what JSON cannot hold', () => {
    expect(bodyOf({ kind: 'put', value: 'x'.repeat(50) }, 20)).toBe('{"kind":"put","value…');
    expect(bodyOf({ kind: 'put' }, 20)).toBe('{"kind":"put"}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(bodyOf(cyclic, 100)).toBe('(not JSON: [object Object])');
    expect(bodyOf(10n, 100)).toBe('"10n"');
    expect(bodyOf(undefined, 100)).toBe('undefined');
  });
});
