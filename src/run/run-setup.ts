// Two steps of building a run (ScenarioRun's constructor): the model's shared state, created with
// the simulator's handles (its random stream, metrics, the truth oracle, timeline marks), and the
// fault injector with every scheduled and random fault of the scenario, roles resolved through
// the model when a fault fires. Model code runs under the heartbeat.

import type { EventCapture } from '../capture/event-capture.js';
import type { Kernel } from '../kernel/kernel.js';
import type { StreamFactory } from '../kernel/random-stream.js';
import type { MetricsStore } from '../metrics/metrics-store.js';
import type { SystemModel } from '../model/api.js';
import type { LinkTable } from '../network/link-table.js';
import type { Scenario } from '../scenario/types.js';
import { FaultInjector, type FaultFeed } from '../faults/fault-injector.js';
import { SimFaultWorld } from '../faults/fault-world.js';
import { startRandomFaults } from '../faults/random-faults.js';
import type { CallbackHeartbeat } from '../sim/callback-heartbeat.js';
import type { ClockTable } from '../sim/clock-table.js';
import type { FaultLog } from '../sim/fault-log.js';
import type { NodeTable } from '../sim/node-table.js';
import type { TimelineRecorder } from '../sim/timeline-recorder.js';
import type { TruthOracleWithFeed } from '../sim/truth-oracle.js';

export interface SharedSetup {
  readonly scenario: Scenario;
  readonly names: readonly string[];
  readonly indexByName: ReadonlyMap<string, number>;
  readonly streams: StreamFactory;
  readonly metrics: MetricsStore;
  readonly oracle: TruthOracleWithFeed;
  readonly timeline: TimelineRecorder;
  readonly capture: EventCapture | null;
  readonly heartbeat: CallbackHeartbeat;
}

export function createModelShared(model: SystemModel<unknown, unknown>, config: unknown, setup: SharedSetup): unknown {
  const { indexByName, timeline, capture } = setup;
  setup.heartbeat.enter('createShared', -1, 0);
  const shared = model.createShared(config, {
    nodeNames: setup.names,
    durationUs: setup.scenario.durationUs,
    random: setup.streams.stream('model'),
    metrics: setup.metrics,
    oracle: setup.oracle,
    timeline: {
      setFlag: (node, flag, on) => {
        const nodeIndex = typeof node === 'number' ? node : indexByName.get(node) ?? -1;
        if (timeline.setFlag(nodeIndex, flag, on)) capture?.flagChanged(nodeIndex, flag, on);
      },
    },
  });
  setup.heartbeat.leave();
  return shared;
}

export interface FaultSetup {
  readonly model: SystemModel<unknown, unknown>;
  readonly shared: unknown;
  readonly kernel: Kernel;
  readonly nodes: NodeTable;
  readonly links: LinkTable;
  readonly clocks: ClockTable;
  readonly streams: StreamFactory;
  readonly heartbeat: CallbackHeartbeat;
  readonly capture: EventCapture | null;
  readonly faultLog: FaultLog;
  readonly faultFeed: FaultFeed;
}

/** The injector, with the scenario's faults scheduled and its random fault processes started. */
export function startFaults(scenario: Scenario, setup: FaultSetup): FaultInjector {
  const { model, shared, kernel, heartbeat } = setup;
  const roleHolders = (role: string): readonly string[] => {
    heartbeat.enter('roles', -1, kernel.nowUs);
    const holders = model.roles?.(shared)[role] ?? [];
    heartbeat.leave();
    return holders;
  };
  const world = new SimFaultWorld(setup.nodes, setup.links, roleHolders, setup.clocks);
  const injector = new FaultInjector(kernel, world, setup.faultLog, setup.faultFeed);
  injector.capture = setup.capture;
  for (const fault of scenario.faults) injector.schedule(fault);
  startRandomFaults(scenario.randomFaults, injector, setup.streams, scenario.durationUs, () => kernel.nowUs);
  return injector;
}
