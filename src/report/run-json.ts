// The JSON document of one run (schema: docs/run-json.md). Built in a fixed key order with no
// wall-clock figure, so the same scenario and seed always give the same bytes; 2-space
// indentation, with arrays of plain values (per-bucket series) on one line.

import { metricUnitsOf } from '../metrics/metric-declarations.js';
import type { FaultRecord, RunResult, Timeline, TimelineFlag } from '../result/run-result.js';
import { failureCauseShares } from './failure-cause-shares.js';
import { formatObserved } from './expectations-table.js';
import { laneStateJsonLegend, laneStateLook } from './lane-states.js';
import { toJsonText } from './json-text.js';

export const RUN_JSON_SCHEMA_VERSION = 1;

export function renderRunJson(result: RunResult): string {
  return `${toJsonText(runDocument(result))}\n`;
}

export function runDocument(result: RunResult): Record<string, unknown> {
  return {
    schemaVersion: RUN_JSON_SCHEMA_VERSION,
    scenario: result.scenario,
    description: result.description,
    file: result.file,
    seed: result.seed,
    sets: [...result.sets],
    ok: result.ok,
    stopReason: result.stopReason,
    ...(result.stopDetail === undefined ? {} : { stopDetail: result.stopDetail }),
    durationMs: result.durationMs,
    endMs: result.endMs,
    metrics: sortedMetrics(result.metrics),
    metricUnits: result.metricUnits ?? metricUnitsOf(result.metrics, new Map()),
    expectations: result.expectations.map((expectation) => ({
      expr: expectation.expr,
      ok: expectation.ok,
      observed: finiteOrNull(expectation.observed),
      observedText: formatObserved(expectation, result.metricUnits),
      ...(expectation.witness === undefined ? {} : { witness: expectation.witness }),
      ...(expectation.marks === undefined ? {} : { marks: expectation.marks }),
    })),
    failureCauses: failureCauseShares(result.metrics).map((row) => ({
      cause: row.cause,
      count: row.count,
      share: row.share,
      explanation: row.explanation,
    })),
    faults: result.faults.map(faultDocument),
    timeline: timelineDocument(result.timeline),
    reproduce: result.reproduce,
  };
}

function sortedMetrics(metrics: Readonly<Record<string, number>>): Record<string, number | null> {
  const sorted: Record<string, number | null> = {};
  for (const name of Object.keys(metrics).sort()) sorted[name] = finiteOrNull(metrics[name]) as number | null;
  return sorted;
}

/** JSON has no NaN or Infinity: a value that could not be computed is null. */
function finiteOrNull<T>(value: T): T | null {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

function faultDocument(fault: FaultRecord): Record<string, unknown> {
  return {
    atMs: fault.atUs / 1000,
    label: fault.label,
    kind: fault.kind,
    revert: fault.revert,
    // Only faults that named a role say which nodes it meant (and whether nobody held it).
    ...(fault.nodes !== undefined ? { nodes: fault.nodes } : {}),
    ...(fault.skipped ? { skipped: true } : {}),
  };
}

/** name → one character per bucket: `1` when the flag was on during the bucket, else `0`. */
function flagsDocument(flags: readonly TimelineFlag[]): Record<string, string> {
  const document: Record<string, string> = {};
  for (const flag of flags) document[flag.name] = flag.buckets.map((on) => (on ? '1' : '0')).join('');
  return document;
}

function timelineDocument(timeline: Timeline): Record<string, unknown> {
  return {
    bucketMs: timeline.bucketUs / 1000,
    bucketCount: timeline.bucketCount,
    legend: laneStateJsonLegend(),
    lanes: timeline.lanes.map((lane) => ({
      node: lane.node,
      states: lane.states.map((state) => laneStateLook(state).jsonCode).join(''),
      // Only lanes a model flagged carry `flags`: documents of other runs keep their bytes.
      ...(lane.flags === undefined ? {} : { flags: flagsDocument(lane.flags) }),
    })),
    failureMetrics: [...timeline.failureMetrics],
    failuresPerBucket: [...timeline.failuresPerBucket],
    successesPerBucket: [...timeline.successesPerBucket],
    // Only runs whose clocks were not all perfect carry the clock row.
    ...(timeline.clockOffsetMsPerBucket === undefined
      ? {}
      : { clockOffsetMsPerBucket: timeline.clockOffsetMsPerBucket.map((ms) => Math.round(ms * 1000) / 1000) }),
  };
}
