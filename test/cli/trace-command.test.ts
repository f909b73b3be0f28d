// `ddsim run --trace`: the Trace Event Format file of a shipped scenario with a partition, its
// window and cap, byte-identical for one seed, stdout untouched, and located usage errors
// (exit 2) before anything runs.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './fake-io.js';

const PARTITION = 'scenarios/repl-minority-partition.yaml';
const CRASH = 'scenarios/detect-refused-vs-silent.yaml';
const PARTITION_NODES = ['client-1', 'client-2', 'db-1', 'db-2', 'db-3', 'db-4', 'db-5'];

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly tid: number;
  readonly ts?: number;
  readonly dur?: number;
  readonly id?: number;
  readonly cat?: string;
  readonly s?: string;
  readonly args?: Record<string, unknown>;
}

interface TraceDocument {
  readonly traceEvents: TraceEvent[];
  readonly displayTimeUnit: string;
  readonly otherData: Record<string, unknown>;
}

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'ddsim-trace-'));
const readTrace = (file: string): TraceDocument => JSON.parse(readFileSync(file, 'utf8')) as TraceDocument;
const timed = (trace: TraceDocument): TraceEvent[] => trace.traceEvents.filter((event) => event.ph !== 'M');

describe('ddsim run --trace', () => {
  let dir: string;
  let whole: { code: number; out: string; err: string };
  let trace: TraceDocument;

  beforeAll(async () => {
    dir = tempDir();
    whole = await runCli(['run', PARTITION, '--format', 'json', '--trace', join(dir, 'whole.json')]);
    trace = readTrace(join(dir, 'whole.json'));
  });

  it('names one thread per node, in node order, under the scenario', () => {
    expect(whole.code).toBe(0);
    const threads = trace.traceEvents.filter((event) => event.ph === 'M' && event.name === 'thread_name');
    expect(threads.map((event) => event.args!.name)).toEqual(PARTITION_NODES);
    expect(new Set(threads.map((event) => event.tid)).size).toBe(PARTITION_NODES.length);
    const sortIndex = trace.traceEvents.filter((event) => event.name === 'thread_sort_index');
    expect(sortIndex.map((event) => [event.tid, event.args!.sort_index])).toEqual(threads.map((event, i) => [event.tid, i]));
    expect(trace.traceEvents.find((event) => event.name === 'process_name')!.args).toEqual({ name: 'repl-minority-partition' });
    expect(trace.displayTimeUnit).toBe('ms');
    expect(trace.otherData).toMatchObject({ scenario: 'repl-minority-partition', seed: 4, truncated: false, timestamps: 'simulated microseconds' });
  });

  it('joins every send to its delivery with a flow: same id, finish not before start, one per delivered message', () => {
    const starts = new Map<number, TraceEvent>();
    const finishes = new Map<number, TraceEvent>();
    for (const event of trace.traceEvents) {
      if (event.ph === 's') starts.set(event.id!, event);
      if (event.ph === 'f') finishes.set(event.id!, event);
    }
    expect(starts.size).toBeGreaterThan(1000);
    expect([...finishes.keys()].sort((a, b) => a - b)).toEqual([...starts.keys()].sort((a, b) => a - b));
    const unmatched = [...starts].filter(([id, start]) => !(finishes.get(id)!.ts! >= start.ts! && finishes.get(id)!.name === start.name));
    expect(unmatched).toEqual([]);
    // The whole run is in the window and under the cap: every delivered message has its arrow.
    const delivered = JSON.parse(whole.out).metrics['messages.delivered'] as number;
    expect(starts.size).toBe(delivered);
    const slicesAt = new Set(trace.traceEvents.filter((event) => event.ph === 'X' && event.cat === 'message').map((event) => `${event.tid}@${event.ts}`));
    expect([...starts.values(), ...finishes.values()].filter((event) => !slicesAt.has(`${event.tid}@${event.ts}`))).toEqual([]);
  });

  it('marks the partition and its end as global instants at their times, and messages it cut off on the sender', () => {
    const faults = timed(trace).filter((event) => event.cat === 'fault');
    expect(faults.map((event) => [event.ts, event.s, event.name.split(' ')[0], event.args!.revert])).toEqual([
      [6_000_000, 'g', 'partition', false],
      [12_000_000, 'g', 'end', true],
    ]);
    const unreachable = timed(trace).filter((event) => event.name.startsWith('unreachable:'));
    expect(unreachable.length).toBeGreaterThan(0);
    expect(unreachable.every((event) => event.ts! >= 6_000_000 && event.ts! < 12_100_000 && String(event.args!.reason).includes('partition'))).toBe(true);
  });

  it('leaves normal stdout unchanged, and gives a byte-identical file for the same seed', async () => {
    const plain = await runCli(['run', PARTITION, '--format', 'json']);
    expect(whole.out).toBe(plain.out);
    expect(plain.err).toBe('');
    expect(whole.err).toMatch(/trace of \d+ events written to .*whole\.json/);
    // Twice the same window of the same seed (a window keeps the test fast; the whole file is made the same way).
    const windowed = async (name: string) => {
      await runCli(['run', PARTITION, '-q', '--trace', join(dir, name), '--trace-window', '5s..7s']);
      return readFileSync(join(dir, name), 'utf8');
    };
    expect(await windowed('again-1.json')).toBe(await windowed('again-2.json'));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('--trace-window keeps only what happened inside it', async () => {
    const file = join(dir, 'window.json');
    const result = await runCli(['run', PARTITION, '-q', '--trace', file, '--trace-window', '5s..7s']);
    expect(result.code).toBe(0);
    const windowed = readTrace(file);
    const events = timed(windowed);
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.ts! >= 5_000_000 && event.ts! + (event.dur ?? 0) <= 7_000_000)).toBe(true);
    expect(events.filter((event) => event.cat === 'fault').map((event) => event.ts)).toEqual([6_000_000]);
    expect(windowed.otherData).toMatchObject({ windowFromUs: 5_000_000, windowToUs: 7_000_000 });
    // Flows only for deliveries whose send is in the window too; each still pairs up.
    const ids = (ph: string) => events.filter((event) => event.ph === ph).map((event) => event.id!).sort((a, b) => a - b);
    const starts = ids('s');
    expect(ids('f')).toEqual(starts);
    expect(starts.length).toBeLessThan(events.filter((event) => event.ph === 'X' && event.name.startsWith('←')).length + 1);
  });

  it('--trace-max-events caps the file and says so on stderr and in the trace', async () => {
    const file = join(dir, 'capped.json');
    const result = await runCli(['run', PARTITION, '-q', '--trace', file, '--trace-max-events', '500']);
    expect(result.code).toBe(0);
    expect(result.err).toMatch(/warning: .*reached --trace-max-events 500 at [\d.]+s simulated; \d+ later events are left out/);
    const capped = readTrace(file);
    expect(capped.otherData).toMatchObject({ truncated: true, capturedEventCount: 500, eventCountMax: 500 });
    expect(capped.otherData.droppedEventCount as number).toBeGreaterThan(0);
    expect(timed(capped).filter((event) => event.cat === 'trace' && event.name.startsWith('trace cap reached'))).toHaveLength(1);
  });

  it('shows a crash as a down slice on the node from the crash to the end', async () => {
    const file = join(dir, 'crash.json');
    await runCli(['run', CRASH, '-q', '--trace', file]);
    const slices = timed(readTrace(file)).filter((event) => event.cat === 'status');
    expect(slices.map((event) => [event.name, event.tid, event.ts, event.dur])).toEqual([
      ['down (refusing connections)', 2, 20_000_000, 20_000_000],
      ['down (silent)', 3, 20_000_000, 20_000_000],
    ]);
  });
});

describe('ddsim run --trace: where it writes', () => {
  it('with a directory writes one <name>.<seed>.trace.json per run', async () => {
    const dir = tempDir();
    const result = await runCli(['run', CRASH, 'scenarios/detect-gc-pause.yaml', '-q', '--trace', dir]);
    expect(result.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['detect-gc-pause.5.trace.json', 'detect-refused-vs-silent.2.trace.json']);
    expect(readTrace(join(dir, 'detect-gc-pause.5.trace.json')).otherData).toMatchObject({ scenario: 'detect-gc-pause', seed: 5 });
  });

  it('refuses, before running, several scenarios with one file, a missing directory, and an existing file without --force', async () => {
    const dir = tempDir();
    const several = await runCli(['run', CRASH, PARTITION, '--trace', join(dir, 'one.json')]);
    expect([several.code, several.out]).toEqual([2, '']);
    expect(several.err).toMatch(/--trace .*one\.json: with 2 scenario files --trace needs a directory/);

    const missing = await runCli(['run', CRASH, '--trace', join(dir, 'nowhere', 'a.json')]);
    expect([missing.code, missing.out]).toEqual([2, '']);
    expect(missing.err).toMatch(/no such directory/);

    const existing = join(dir, 'existing.json');
    writeFileSync(existing, 'keep me');
    const refused = await runCli(['run', CRASH, '--trace', existing]);
    expect([refused.code, refused.out]).toEqual([2, '']);
    expect(refused.err).toMatch(/existing\.json exists \(add --force to replace it\)/);
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    const forced = await runCli(['run', CRASH, '-q', '--trace', existing, '--force']);
    expect(forced.code).toBe(0);
    expect(readTrace(existing).otherData.scenario).toBe('detect-refused-vs-silent');
  });

  it('two runs of one name and seed into one directory are refused', async () => {
    const dir = tempDir();
    const result = await runCli(['run', CRASH, CRASH, '--trace', dir]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/two runs would both write detect-refused-vs-silent\.2\.trace\.json/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('gives located usage errors for bad --trace-window and --trace-max-events values', async () => {
    const dir = tempDir();
    const file = join(dir, 't.json');
    const cases: [string[], RegExp][] = [
      [['--trace', file, '--trace-window', '5s..x'], /--trace-window 5s\.\.x: to: .*duration/],
      [['--trace', file, '--trace-window', '7s..5s'], /--trace-window 7s\.\.5s: the window must end after it starts/],
      [['--trace', file, '--trace-window', '5s'], /--trace-window 5s: expected a range of simulated time FROM\.\.TO/],
      [['--trace', file, '--trace-max-events', '0'], /--trace-max-events 0: expected a whole number from 1 to 1,000,000/],
      [['--trace', file, '--trace-max-events', 'lots'], /--trace-max-events lots: expected a whole number/],
      [['--trace-window', '1s..2s'], /--trace-window: needs --trace <file\.json>/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['run', CRASH, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /); // no stack trace
    }
    expect(existsSync(file)).toBe(false);
  });

  it('writes nothing when the model throws during the run (exit 4)', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'throws.js'),
      [
        'export default {',
        "  name: 'throws', description: '', metricNames: () => [],",
        '  parseConfig: () => ({}), createShared: () => null,',
        "  createNode(ctx) { if (ctx.nodeName === 'a') ctx.setTimer(1_000_000, () => { throw new Error('boom'); }); return {}; },",
        '};',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 's.yaml'), 'duration: 5s\nnodes: [a, b]\nsystem:\n  model: ./throws.js\n');
    const result = await runCli(['run', join(dir, 's.yaml'), '--trace', join(dir, 't.json')]);
    expect(result.code).toBe(4);
    expect(result.err).toMatch(/no trace written: the run did not finish/);
    expect(readdirSync(dir).sort()).toEqual(['s.yaml', 'throws.js']);
  });

  it('accepts an open-ended window', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    const result = await runCli(['run', CRASH, '-q', '--trace', join(dir, 'sub', 'late.json'), '--trace-window', '30s..']);
    expect(result.code).toBe(0);
    const events = timed(readTrace(join(dir, 'sub', 'late.json')));
    expect(events.every((event) => event.ts! >= 30_000_000)).toBe(true);
    // Both nodes are still down when the window opens: their periods start with it.
    expect(events.filter((event) => event.cat === 'status').map((event) => [event.ts, event.dur])).toEqual([
      [30_000_000, 10_000_000],
      [30_000_000, 10_000_000],
    ]);
  });
});
