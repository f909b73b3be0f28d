// One line for `--quiet`: PASS/FAIL, scenario, seed and the key figures of the run, e.g.
// "✓ PASS  retries  seed 42  requests 1,234 ok of 1,240  availability 99.52 %  p99 12.34 ms".

import type { RunResult, RunTiming } from '../result/run-result.js';
import { formatMetricValue } from './metric-units.js';
import { formatGrouped, formatSecondsPrecise } from './number-format.js';
import { createPalette } from './style.js';

const GAP = '  ';

/** The figures a one-line summary shows when the run has them, whatever the model. */
const KEY_METRICS: readonly (readonly [name: string, label: string])[] = [
  ['availability', 'availability'],
  ['latency.p99', 'p99'],
  ['ops.ok', 'ops ok'],
  ['writes.lost', 'lost writes'],
  ['reads.stale', 'stale reads'],
  ['leader.elections', 'elections'],
  ['reads.consistent-fraction', 'consistent reads'],
  ['detector.detection-time.mean', 'detection'],
  ['detector.false-suspicions', 'false suspicions'],
];

export function renderRunSummary(result: RunResult, timing: RunTiming | null, options: { readonly color: boolean }): string {
  const palette = createPalette(options.color);
  const parts = [
    result.ok ? palette.pass('✓ PASS') : palette.fail('✗ FAIL'),
    palette.bold(result.scenario),
    `seed ${result.seed}`,
    ...keyFigures(result),
  ];
  if (result.stopReason === 'event-budget-exhausted') parts.push(palette.warning('CUT SHORT: event budget exhausted'));
  if (result.stopReason === 'pending-limit-reached') parts.push(palette.warning('STOPPED: too many events pending'));
  if (result.stopReason === 'drain-limit-reached') parts.push(palette.warning('INCOMPLETE: work outstanding at the drain limit'));
  if (timing !== null) parts.push(palette.dim(`(wall ${formatSecondsPrecise(Math.round(timing.wallMs) * 1000)})`));
  return parts.join(GAP);
}

function keyFigures(result: RunResult): string[] {
  const { metrics } = result;
  const figures: string[] = [];
  const total = metrics['requests.total'];
  const succeeded = metrics['requests.ok'];
  if (total !== undefined && succeeded !== undefined) {
    figures.push(`requests ${formatGrouped(succeeded, 0)} ok of ${formatGrouped(total, 0)}`);
  }
  for (const [name, label] of KEY_METRICS) {
    const value = metrics[name];
    if (typeof value === 'number' && Number.isFinite(value)) figures.push(`${label} ${formatMetricValue(name, value, result.metricUnits)}`);
    // A ratio without data is 0 of 0: say so, rather than leave the reader guessing.
    else if (name in metrics && result.metricUnits?.[name] === 'ratio') figures.push(`${label} n/a`);
  }
  // Faults applied, not fault-log records (those include ends and stop at the log's cap).
  const injected = result.metrics['faults.injected'] ?? 0;
  if (injected > 0) figures.push(`${injected} fault${injected === 1 ? '' : 's'}`);
  if (result.expectations.length > 0) {
    const held = result.expectations.filter((expectation) => expectation.ok).length;
    figures.push(`expectations ${held}/${result.expectations.length} held`);
  }
  return figures;
}
