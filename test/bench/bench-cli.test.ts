// The benchmark's own command line (src/bench/main.ts): --help, bad options reported as a usage
// error (exit 2, no stack trace), and one child run's JSON line, which tells the JIT warm-up
// (the first WARM_UP_EVENT_COUNT events) from the steady rate after it.
// Needs the compiled benchmark (dist/), as `npm test` builds it first.

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { WARM_UP_EVENT_COUNT } from '../../src/bench/bench-common.js';

const REPO_ROOT = resolve(import.meta.dirname, '../..');

function bench(args: readonly string[]): { readonly status: number | null; readonly stdout: string; readonly stderr: string } {
  return spawnSync(process.execPath, ['dist/bench/main.js', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('npm run bench: its command line', () => {
  test('--help prints the usage and exits 0', () => {
    const child = bench(['--help']);
    expect(child.status).toBe(0);
    expect(child.stdout).toMatch(/^usage: node dist\/bench\/main\.js/);
    expect(child.stdout).toContain('--child <deliveries>');
  });

  test.each([
    [['--bogus'], "Unknown option '--bogus'"],
    [['--repeat', 'x'], 'expected a positive integer, got "x"'],
    [['--check-child', 'both'], '--check-child must be witness or no-witness, got "both"'],
  ])('%j is a usage error: exit 2, the reason and the usage, no stack trace', (args, reason) => {
    const child = bench(args);
    expect(child.status).toBe(2);
    expect(child.stderr).toContain(`bench: ${reason}`);
    expect(child.stderr).toContain('usage: node dist/bench/main.js');
    expect(child.stderr).not.toMatch(/^\s+at /m);
    expect(child.stdout).toBe('');
  });
});

describe('npm run bench: a child run', () => {
  test('reports the steady rate after the first events and what those first events cost', () => {
    const child = bench(['--child', String(2 * WARM_UP_EVENT_COUNT)]);
    expect(child.status, child.stderr).toBe(0);
    const line = JSON.parse(child.stdout.trim()) as Record<string, number>;
    expect(line['events']).toBeGreaterThanOrEqual(2 * WARM_UP_EVENT_COUNT);
    expect(line['steadyEventsPerSec']).toBeGreaterThan(0);
    // The whole loop's rate mixes warm-up and steady state, so the steady rate is the higher one
    // unless the warm-up cost nothing at all (it is never below zero by much: timer noise).
    expect(line['warmUpMs']).toEqual(expect.any(Number));
    expect(line['warmUpMs']).toBeGreaterThan(-5);
    // firstSec = warmUpMs + WARM_UP_EVENT_COUNT / steady, and the rest of the loop ran at the steady rate.
    const steady = line['steadyEventsPerSec']!;
    const firstSec = line['warmUpMs']! / 1000 + WARM_UP_EVENT_COUNT / steady;
    const restSec = (line['events']! - WARM_UP_EVENT_COUNT) / steady;
    expect(Math.abs(firstSec + restSec - line['loopSec']!) / line['loopSec']!).toBeLessThan(0.02);
    const loopEventsPerSec = line['events']! / line['loopSec']!;
    if (line['warmUpMs']! > 0) expect(line['steadyEventsPerSec']).toBeGreaterThan(loopEventsPerSec);
  });

  test('a run shorter than the warm-up has no steady rate to report', () => {
    const child = bench(['--child', String(WARM_UP_EVENT_COUNT / 4)]);
    expect(child.status, child.stderr).toBe(0);
    const line = JSON.parse(child.stdout.trim()) as Record<string, unknown>;
    expect(line['loopSec']).toEqual(expect.any(Number));
    expect(line).not.toHaveProperty('steadyEventsPerSec');
    expect(line).not.toHaveProperty('warmUpMs');
  });
});
