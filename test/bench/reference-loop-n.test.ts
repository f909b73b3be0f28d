// bench/reference-loop-n.js, the copy of the shared reference loop that takes the node count: with
// N = 100 it runs the shared loop's very workload (same counts, simulated time and checksum), and
// with another N it keeps N messages in flight.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const COPY_FILE = resolve(REPO_ROOT, 'bench/reference-loop-n.js');
const SHARED_FILE = resolve(REPO_ROOT, '../shared/bench/reference-loop.js');
const DELIVERY_COUNT = 20_000;

function runLoop(file: string, args: readonly string[]): Record<string, number | string> {
  return JSON.parse(execFileSync(process.execPath, [file, ...args], { encoding: 'utf8' })) as Record<string, number | string>;
}

/** The fields that depend on the workload alone (not on the machine's speed). */
function workloadFields(line: Record<string, number | string>): Record<string, number | string | undefined> {
  return { deliveries: line['deliveries'], timers: line['timers'], simTimeMs: line['simTimeMs'], checksum: line['checksum'], heapSize: line['heapSize'] };
}

describe('reference loop with a node count', () => {
  test.skipIf(!existsSync(SHARED_FILE))('with 100 nodes it is the shared loop', () => {
    const copy = runLoop(COPY_FILE, [String(DELIVERY_COUNT), '42']);
    const shared = runLoop(SHARED_FILE, [String(DELIVERY_COUNT), '42']);
    expect(copy['nodes']).toBe(100);
    expect(workloadFields(copy)).toEqual(workloadFields(shared));
  });

  test('with N nodes it keeps N messages in flight and stops at the delivery count', () => {
    const line = runLoop(COPY_FILE, [String(DELIVERY_COUNT), '42', '2000']);
    expect(line['nodes']).toBe(2000);
    expect(line['deliveries']).toBe(DELIVERY_COUNT);
    expect(line['heapSize']).toBe(2000);
    expect(line['events']).toBe(DELIVERY_COUNT + (line['timers'] as number));
  });
});
