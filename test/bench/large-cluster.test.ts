// The 10,000-node scenario (bench/large-cluster.yaml) loads, sets up and runs in a child process
// whose JavaScript heap is capped at 1 GB: link state must grow with the links used, not with n²
// (the n x n link tables this replaced took 1.4 GB and 12 s to set up at 5,000 nodes and ran out
// of heap at 10,000). Runs the compiled tool (dist/, built by `npm test`).

import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const TOOL = resolve(REPO_ROOT, 'dist/bench/large-cluster.js');
const HEAP_MB_MAX = 1024;
const SETUP_SEC_MAX = 1;

interface LargeClusterLine {
  readonly nodeCount: number;
  readonly setupSec: number;
  readonly stopReason: string;
  readonly requests: number;
  readonly peakRssMb: number;
}

test('10,000 nodes set up in under a second and run within a 1 GB heap', () => {
  const child = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB_MAX}`, TOOL], { cwd: REPO_ROOT, encoding: 'utf8' });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  const line = JSON.parse(child.stdout.trim()) as LargeClusterLine;
  console.log(`large-cluster: ${line.nodeCount} nodes, set-up ${line.setupSec} s, peak RSS ${line.peakRssMb} MB`);
  expect(line.nodeCount).toBe(10_000);
  expect(line.stopReason).toBe('completed');
  expect(line.requests).toBeGreaterThan(1000); // 200/s for 10 s
  expect(line.setupSec).toBeLessThan(SETUP_SEC_MAX);
  expect(line.peakRssMb).toBeLessThan(HEAP_MB_MAX);
}, 60_000);
