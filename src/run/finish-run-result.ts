// The end of a run: the model's finish, the core metrics (events, messages, faults, uptime,
// pauses, clocks), the flat metric snapshot with every declared name, the expectations evaluated
// over the history, metrics and the model's recorded facts, and the RunResult as plain data.
// Called once per run by ScenarioRun.result(), after the last event.

import type { Kernel } from '../kernel/kernel.js';
import { CORE_METRIC_NAMES } from '../metrics/core-metric-names.js';
import { expandMetricDeclarations, metricUnitsOf } from '../metrics/metric-declarations.js';
import type { MetricsStore } from '../metrics/metrics-store.js';
import type { SystemModel } from '../model/api.js';
import type { NetworkCounters } from '../network/network.js';
import type { RunResult, StopReason } from '../result/run-result.js';
import type { Scenario } from '../scenario/types.js';
import type { CallbackHeartbeat } from '../sim/callback-heartbeat.js';
import type { ClockTable } from '../sim/clock-table.js';
import type { FaultLog } from '../sim/fault-log.js';
import type { HistoryLog } from '../sim/history-log.js';
import type { NodeUptime } from '../sim/node-uptime.js';
import type { PauseStats } from '../sim/pause-stats.js';
import type { TimelineRecorder } from '../sim/timeline-recorder.js';
import { evaluateExpectations } from './evaluate-expectations.js';
import { reproduceCommand } from './reproduce-command.js';

/** What a finished run hands over to be summed up. */
export interface FinishedRunParts {
  readonly scenario: Scenario;
  readonly model: SystemModel<unknown, unknown>;
  readonly shared: unknown;
  readonly metrics: MetricsStore;
  readonly kernel: Kernel;
  readonly networkCounters: NetworkCounters;
  readonly faultLog: FaultLog;
  readonly uptime: NodeUptime;
  readonly pauses: PauseStats;
  readonly clocks: ClockTable;
  readonly timeline: TimelineRecorder;
  readonly history: HistoryLog;
  readonly heartbeat: CallbackHeartbeat;
  readonly finalReadsFromUs: number | null;
  readonly stopReason: StopReason;
  readonly stopDetail: string | null;
  /** The model's recordedFacts, called under the heartbeat. */
  readonly recordedFacts: () => unknown;
}

function recordCoreMetrics(parts: FinishedRunParts): ReturnType<ClockTable['finish']> {
  const { metrics, networkCounters: counters } = parts;
  metrics.set('events', parts.kernel.eventCount);
  metrics.set('messages.sent', counters.sent);
  metrics.set('messages.delivered', counters.delivered);
  metrics.set('messages.lost', counters.lost);
  metrics.set('messages.duplicated', counters.duplicated);
  metrics.set('messages.unreachable', counters.unreachable);
  metrics.set('messages.refused', counters.refused);
  metrics.set('faults.injected', parts.faultLog.injectedCount);
  const uptime = parts.uptime.finish();
  metrics.set('nodes.down-mean', uptime.downMean);
  metrics.set('nodes.all-up-fraction', uptime.allUpFraction);
  const pauses = parts.pauses.finish();
  metrics.set('pauses.total', pauses.count);
  metrics.set('pauses.longest-ms', pauses.longestUs / 1000);
  const clocks = parts.clocks.finish();
  metrics.set('clock.offset.max', clocks.offsetMaxUs / 1000);
  metrics.set('clock.skew.max', clocks.skewMaxUs / 1000);
  metrics.set('clock.backward-steps', clocks.backwardSteps);
  return clocks;
}

export function finishRunResult(parts: FinishedRunParts): RunResult {
  const { scenario, model, metrics, kernel, heartbeat } = parts;
  const config = scenario.system.config;
  heartbeat.enter('finish', -1, kernel.nowUs);
  model.finish?.(parts.shared, metrics);
  heartbeat.leave();
  const clocks = recordCoreMetrics(parts);
  heartbeat.enter('metricNames', -1, kernel.nowUs);
  const declaredUnits = expandMetricDeclarations([...CORE_METRIC_NAMES, ...model.metricNames(config)]);
  heartbeat.leave();
  const ratioNames = new Set([...declaredUnits].filter(([, unit]) => unit === 'ratio').map(([name]) => name));
  const flat = metrics.snapshot([...declaredUnits.keys()], ratioNames);

  const expectations = evaluateExpectations(scenario.expectations, {
    history: parts.history.operations,
    historyTruncated: parts.history.truncated,
    metrics: flat,
    modelConfig: config,
    finalReadsFromUs: parts.finalReadsFromUs,
    modelFacts: parts.recordedFacts(),
  });
  const stopReason = parts.stopReason;
  return {
    scenario: scenario.name,
    description: scenario.description,
    file: scenario.source.file,
    seed: scenario.seed,
    sets: scenario.source.sets,
    durationMs: scenario.durationUs / 1000,
    // Cut short by the event budget or the pending bound: where it stopped, not the scenario's end.
    endMs: (stopReason === 'event-budget-exhausted' || stopReason === 'pending-limit-reached' ? kernel.nowUs : Math.max(kernel.nowUs, scenario.durationUs)) / 1000,
    stopReason,
    ...(parts.stopDetail === null ? {} : { stopDetail: parts.stopDetail }),
    ok: stopReason === 'completed' && expectations.every((expectation) => expectation.ok),
    metrics: flat,
    metricUnits: metricUnitsOf(flat, declaredUnits),
    expectations,
    faults: parts.faultLog.records,
    timeline: clocks.active
      ? { ...parts.timeline.finish(), clockOffsetMsPerBucket: clocks.offsetMaxUsPerBucket.map((us) => us / 1000) }
      : parts.timeline.finish(),
    reproduce: reproduceCommand(scenario.source.file, scenario.seed, scenario.source.sets),
  };
}
