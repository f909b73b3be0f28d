// Runs one validated scenario: wires kernel, network, nodes, faults and the system model
// together, runs the workload for `duration`, drains outstanding work, and returns plain data.
// Deterministic: the result depends only on the scenario (seed included).

import { Kernel } from '../kernel/kernel.js';
import { StreamFactory } from '../kernel/random-stream.js';
import { CORE_METRIC_NAMES } from '../metrics/core-metric-names.js';
import { MetricsStore } from '../metrics/metrics-store.js';
import { LinkTable } from '../network/link-table.js';
import { Network } from '../network/network.js';
import type { Scenario } from '../scenario/types.js';
import { FaultInjector } from '../sim/fault-injector.js';
import { FaultLog } from '../sim/fault-log.js';
import { HistoryLog } from '../sim/history-log.js';
import { SimNodeContext } from '../sim/node-context.js';
import { NodeTable } from '../sim/node-table.js';
import { startRandomFaults } from '../sim/random-faults.js';
import { TimelineRecorder } from '../sim/timeline-recorder.js';
import { createTruthOracle } from '../sim/truth-oracle.js';
import { evaluateExpectations } from './evaluate-expectations.js';
import { reproduceCommand } from './reproduce-command.js';
import type { RunResult, StopReason } from './result.js';

/** Simulated time between checks for outstanding work during the drain phase. */
const DRAIN_SLICE_US = 10_000;

export function runScenario(scenario: Scenario): RunResult {
  const names = scenario.nodes.map((node) => node.name);
  const indexByName = new Map(names.map((name, i) => [name, i]));
  const kernel = new Kernel(scenario.limits.eventCountMax);
  const nowUs = () => kernel.nowUs;
  const streams = new StreamFactory(scenario.seed);
  const links = new LinkTable(scenario.nodes, scenario.regions, scenario.network);
  const network = new Network(kernel, links, streams, names);
  const timeline = new TimelineRecorder(names, scenario.durationUs, nowUs);
  const nodes = new NodeTable(names, kernel, network, timeline);
  const metrics = new MetricsStore(timeline);
  const history = new HistoryLog(nowUs);

  const { model, config } = scenario.system;
  const shared = model.createShared(config, {
    nodeNames: names,
    durationUs: scenario.durationUs,
    random: streams.stream('model'),
    metrics,
    oracle: createTruthOracle(nodes, indexByName),
  });
  const contexts = names.map(
    (name, i) =>
      new SimNodeContext(i, name, names, indexByName, scenario.durationUs, kernel, network, nodes, streams, metrics, history),
  );
  nodes.startBehaviour = (i) => model.createNode(contexts[i]!, config, shared);
  for (let i = 0; i < names.length; i++) nodes.start(i);

  const faultLog = new FaultLog();
  const injector = new FaultInjector(kernel, nodes, links, faultLog, timeline);
  for (const fault of scenario.faults) injector.schedule(fault);
  startRandomFaults(scenario.randomFaults, injector, streams, scenario.durationUs, nowUs);

  let stop = kernel.runUntil(scenario.durationUs);
  if (stop !== 'event-budget-exhausted' && model.outstanding) {
    const drainEndUs = scenario.durationUs + (model.drainLimitUs?.(config) ?? 0);
    while (model.outstanding(shared) > 0 && kernel.nowUs < drainEndUs && stop !== 'event-budget-exhausted') {
      stop = kernel.runUntil(Math.min(drainEndUs, kernel.nowUs + DRAIN_SLICE_US));
    }
  }
  const stopReason: StopReason = stop === 'event-budget-exhausted' ? 'event-budget-exhausted' : 'completed';

  model.finish?.(shared, metrics);
  const counters = network.counters;
  metrics.set('events', kernel.eventCount);
  metrics.set('messages.sent', counters.sent);
  metrics.set('messages.delivered', counters.delivered);
  metrics.set('messages.lost', counters.lost);
  metrics.set('messages.duplicated', counters.duplicated);
  metrics.set('messages.unreachable', counters.unreachable);
  metrics.set('messages.refused', counters.refused);
  metrics.set('faults.injected', faultLog.injectedCount);
  const flat = metrics.snapshot([...CORE_METRIC_NAMES, ...model.metricNames(config)]);

  const expectations = evaluateExpectations(scenario.expectations, {
    history: history.operations,
    historyTruncated: history.truncated,
    metrics: flat,
    modelConfig: config,
  });
  const ok = stopReason === 'completed' && expectations.every((expectation) => expectation.ok);
  return {
    scenario: scenario.name,
    description: scenario.description,
    file: scenario.source.file,
    seed: scenario.seed,
    sets: scenario.source.sets,
    durationMs: scenario.durationUs / 1000,
    endMs: Math.max(kernel.nowUs, scenario.durationUs) / 1000,
    stopReason,
    ok,
    metrics: flat,
    expectations,
    faults: faultLog.records,
    timeline: timeline.finish(),
    reproduce: reproduceCommand(scenario.source.file, scenario.seed, scenario.source.sets),
  };
}
