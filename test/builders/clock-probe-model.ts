// A model for clock tests: every node reads its clocks every `sample` (default 1s) and records the
// readings with the true time; the first node sets one timer of `timer` (when given) and records
// the true time it fires at. The observer (Shared) holds the readings.

import type { SystemModel } from '../../src/model/api.js';
import { loadScenario } from '../../src/scenario/load-scenario.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';
import type { Scenario } from '../../src/scenario/types.js';
import { builtinModelNames, loadBuiltinModel } from '../../src/models/registry.js';

export interface ClockReading {
  readonly node: string;
  readonly trueUs: number;
  readonly timeOfDayUs: number;
  readonly monotonicUs: number;
  readonly offsetUs: number;
}

export interface ClockProbeShared {
  readonly readings: ClockReading[];
  readonly timerFiredAtUs: number[];
}

/** The observer of the latest run (tests run one scenario at a time). */
export const lastProbe: { shared: ClockProbeShared | null } = { shared: null };

interface ClockProbeConfig {
  readonly sampleUs: number;
  readonly timerUs: number | null;
}

export const clockProbeModel: SystemModel<ClockProbeConfig, ClockProbeShared & { readonly trueNowUs: () => number; readonly offsetOf: (node: string) => number }> = {
  name: 'clock-probe',
  description: 'reads its clocks',
  metricNames: () => [],
  parseConfig({ system }) {
    return { sampleUs: system.duration('sample', { default: 1_000_000, min: 1 }), timerUs: system.durationOrNull('timer') };
  },
  createShared: (_config, setup) => {
    const shared = { readings: [], timerFiredAtUs: [], trueNowUs: () => setup.oracle.nowUs(), offsetOf: (node: string) => setup.oracle.clockOffsetUs(node) };
    lastProbe.shared = shared;
    return shared;
  },
  createNode(ctx, config, shared) {
    const read = (): void => {
      shared.readings.push({
        node: ctx.nodeName,
        trueUs: shared.trueNowUs(),
        timeOfDayUs: ctx.nowUs(),
        monotonicUs: ctx.monotonicUs(),
        offsetUs: shared.offsetOf(ctx.nodeName),
      });
      if (shared.trueNowUs() < ctx.durationUs) ctx.setTimer(config.sampleUs, read);
    };
    read();
    if (config.timerUs !== null && ctx.nodeName === ctx.nodeNames[0]) {
      ctx.setTimer(config.timerUs, () => shared.timerFiredAtUs.push(shared.trueNowUs()));
    }
    return {};
  },
};

const resolver = createModelResolver(
  (name) => (name === 'clock-probe' ? (clockProbeModel as unknown as SystemModel) : loadBuiltinModel(name)),
  () => [...builtinModelNames(), 'clock-probe'],
);

/** Loads scenario text that may use `model: clock-probe` (and any built-in model). */
export function loadWithProbe(text: string): Promise<Scenario> {
  return loadScenario({ file: 'clocks.yaml', text, resolveModel: resolver });
}
