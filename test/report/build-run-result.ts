// Small builders of RunResult for report tests (and anyone else who needs a plausible run).
// Every field has a sensible default; pass overrides for what a test is about.

import type {
  ExpectationResult,
  FaultRecord,
  NodeLaneState,
  RunResult,
  Timeline,
  TimelineLane,
} from '../../src/result/run-result.js';

const LANE_CODES: Record<string, NodeLaneState> = { '-': 'up', D: 'down', P: 'paused', C: 'cut' };

/** A lane from a compact string: "-" up, "D" down, "P" paused, "C" cut. */
export function buildLane(node: string, codes: string): TimelineLane {
  return {
    node,
    states: [...codes].map((code) => {
      const state = LANE_CODES[code];
      if (state === undefined) throw new Error(`unknown lane code ${code}`);
      return state;
    }),
  };
}

export function buildTimeline(overrides: Partial<Timeline> = {}): Timeline {
  const lanes = overrides.lanes ?? [
    buildLane('client', '-'.repeat(40)),
    buildLane('server-1', '-'.repeat(10) + 'D'.repeat(10) + '-'.repeat(20)),
    buildLane('server-2', '-'.repeat(20) + 'P'.repeat(5) + '-'.repeat(5) + 'C'.repeat(5) + '-'.repeat(5)),
  ];
  const bucketCount = overrides.bucketCount ?? lanes[0]?.states.length ?? 0;
  return {
    bucketUs: 250_000,
    bucketCount,
    lanes,
    failureMetrics: ['requests.failed'],
    failuresPerBucket: Array.from({ length: bucketCount }, (_, bucket) => (bucket >= 10 && bucket < 20 ? bucket - 8 : 0)),
    successesPerBucket: Array.from({ length: bucketCount }, () => 25),
    ...overrides,
  };
}

export function buildFault(atUs: number, label: string, overrides: Partial<FaultRecord> = {}): FaultRecord {
  return { atUs, label, kind: label.split(' ')[0] ?? 'fault', revert: false, ...overrides };
}

export function buildExpectation(expr: string, ok: boolean, observed: ExpectationResult['observed'], witness?: unknown): ExpectationResult {
  return witness === undefined ? { expr, ok, observed } : { expr, ok, observed, witness };
}

export function buildMetrics(overrides: Record<string, number> = {}): Record<string, number> {
  const metrics: Record<string, number> = {
    availability: 0.9523,
    duplicates: 3,
    events: 123_456,
    executions: 1003,
    'failures.delayed': 0,
    'failures.queued-past-timeout': 2,
    'failures.rejected': 0,
    'failures.request-lost': 5,
    'failures.response-lost': 3,
    'failures.server-crashed': 40,
    'failures.server-paused': 7,
    'failures.unreachable': 5,
    'faults.injected': 4,
    'latency.max': 812.5,
    'latency.mean': 12.345,
    'latency.p50': 8.1,
    'latency.p90': 20.25,
    'latency.p99': 150.5,
    'latency.p999': 640,
    'messages.delivered': 1990,
    'messages.duplicated': 0,
    'messages.lost': 8,
    'messages.refused': 40,
    'messages.sent': 2050,
    'messages.unreachable': 12,
    'requests.failed': 48,
    'requests.incomplete': 0,
    'requests.ok': 952,
    'requests.total': 1000,
    ...overrides,
  };
  return Object.fromEntries(Object.entries(metrics).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function buildRunResult(overrides: Partial<RunResult> = {}): RunResult {
  const expectations = overrides.expectations ?? [
    buildExpectation('availability >= 0.9', true, 0.9523),
    buildExpectation('latency.p99 <= 250ms', true, 150.5),
  ];
  const stopReason = overrides.stopReason ?? 'completed';
  return {
    scenario: 'retries-and-timeouts',
    description: 'A client retries requests against two servers while one crashes and the other pauses.',
    file: 'scenarios/retries-and-timeouts.yaml',
    seed: 42,
    sets: [],
    durationMs: 10_000,
    endMs: 10_250,
    stopReason,
    ok: stopReason === 'completed' && expectations.every((expectation) => expectation.ok),
    metrics: buildMetrics(),
    expectations,
    faults: [
      buildFault(2_500_000, 'crash server-1 (refuse)'),
      buildFault(5_000_000, 'pause server-2'),
      buildFault(5_000_000, 'restart server-1', { revert: true }),
      buildFault(6_250_000, 'resume server-2', { revert: true }),
    ],
    timeline: buildTimeline(),
    reproduce: 'ddsim run scenarios/retries-and-timeouts.yaml --seed 42',
    ...overrides,
  };
}
