// Builds Scenario objects directly (without YAML) for tests of the simulator and models.

import type { SystemModel } from '../../src/model/api.js';
import type { RequestResponseConfig } from '../../src/models/request-response/config.js';
import { requestResponseModel } from '../../src/models/request-response/index.js';
import type { DistributionSpec, Scenario } from '../../src/scenario/types.js';
import { perfectClocks } from '../../src/sim/clock-spec.js';

export const constantUs = (valueUs: number): DistributionSpec => ({ kind: 'constant', valueUs });

export function requestResponseConfig(overrides: Partial<RequestResponseConfig> = {}): RequestResponseConfig {
  return {
    servers: ['server-1'],
    serviceTime: constantUs(100),
    serverConcurrency: 1,
    queueCapacity: 1000,
    balancerPolicy: 'random',
    balancerDetector: null,
    clients: ['client'],
    arrivalRatePerSecond: 100,
    closedLoopConcurrency: null,
    timeoutUs: 100_000,
    retries: 0,
    backoffBaseUs: 10_000,
    backoffMaxUs: 1_000_000,
    backoffJitter: 'full',
    idempotent: false,
    dedupeWindowUs: 600_000_000,
    ...overrides,
  };
}

export function buildScenario(overrides: Partial<Scenario> & { config?: unknown; model?: SystemModel<any, any> } = {}): Scenario {
  const { config, model, ...rest } = overrides;
  const nodes = rest.nodes ?? [
    { name: 'client', region: null },
    { name: 'server-1', region: null },
  ];
  return {
    name: 'test',
    description: '',
    seed: 1,
    durationUs: 10_000_000,
    nodes,
    regions: [],
    network: { latency: constantUs(1000), lossProbability: 0, duplicateProbability: 0, links: [] },
    system: {
      modelName: (model ?? requestResponseModel).name,
      model: (model ?? requestResponseModel) as SystemModel,
      config: config ?? requestResponseConfig(),
    },
    clocks: perfectClocks(nodes.length),
    faults: [],
    randomFaults: [],
    expectations: [],
    limits: { eventCountMax: 100_000_000 },
    source: { file: 'test.yaml', sets: [] },
    ...rest,
  };
}
