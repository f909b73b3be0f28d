// Builders for scenario-loader tests: a fake request-response model that reads the keys the
// example scenario uses (through the ConfigReader, like a real model), and a loader wrapper.

import type { SystemModel } from '../../src/model/api.js';
import { InputError, type InputProblem } from '../../src/cli/errors.js';
import { loadScenario, type LoadScenarioOptions } from '../../src/scenario/load-scenario.js';
import type { Scenario } from '../../src/scenario/types.js';
import { createModelResolver } from '../../src/scenario/resolve-model.js';

export const fakeRequestResponseModel: SystemModel = {
  name: 'request-response',
  description: 'fake, for loader tests',
  parseConfig({ system, workload }) {
    const backoff = workload?.section('backoff') ?? null;
    const config = {
      servers: system.nodeNames('servers'),
      service: system.distribution('service'),
      concurrency: system.number('concurrency', { default: 1, integer: true, min: 1 }),
      queue: system.number('queue', { default: 100, integer: true, min: 0 }),
      clients: workload?.nodeNames('clients') ?? [],
      ratePerSecond: workload?.ratePerSecond('rate') ?? 0,
      timeoutUs: workload?.duration('timeout', { min: 1 }) ?? 0,
      retries: workload?.number('retries', { default: 0, integer: true, min: 0 }) ?? 0,
      backoff: backoff && {
        baseUs: backoff.duration('base'),
        maxUs: backoff.duration('max'),
        jitter: backoff.string('jitter', { default: 'none', oneOf: ['none', 'full', 'equal'] }),
      },
      idempotent: workload?.boolean('idempotent', { default: true }) ?? true,
    };
    backoff?.finish();
    return config;
  },
  metricNames: () => ['availability', 'latency.p50', 'latency.p99', 'duplicates', 'requests'],
  checkNames: () => ['linearizable'],
  createShared: () => null,
  createNode: () => null,
};

export const resolveFakeModel = createModelResolver(
  (name) => (name === 'request-response' ? fakeRequestResponseModel : undefined),
  () => ['request-response'],
);

export function load(text: string, options: Partial<LoadScenarioOptions> = {}): Promise<Scenario> {
  return loadScenario({ file: 'test.yaml', text, resolveModel: resolveFakeModel, ...options });
}

/** The problems loading reports (fails the test when loading succeeds). */
export async function problemsOf(text: string, options: Partial<LoadScenarioOptions> = {}): Promise<readonly InputProblem[]> {
  try {
    await load(text, options);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected the scenario to be rejected');
}

/** `file:line:column path: message (hint)` for compact assertions. */
export function where(problem: InputProblem): string {
  return `${problem.file}:${problem.line}:${problem.column} ${problem.path}`;
}

/** A minimal valid scenario, with extra top-level YAML appended. */
export function minimal(extra = ''): string {
  return [
    'duration: 10s',
    'nodes: [client, { name: server, count: 2 }]',
    'system:',
    '  model: request-response',
    '  servers: [server-1, server-2]',
    '  service: 1ms',
    'workload:',
    '  clients: [client]',
    '  rate: 10/s',
    '  timeout: 100ms',
    extra,
  ].join('\n');
}
