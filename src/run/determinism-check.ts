// `ddsim run --check-determinism`: runs a scenario twice in one process and compares every event
// (simulated time, kind, node) and the final metrics. A difference means something outside the
// seed decided the run (Math.random, Date.now, iteration over an unordered structure, state kept
// between runs in a module); the first diverging event is named. Runs are compared event by event
// up to TRACED_EVENT_COUNT_MAX events, and by a running hash of all of them beyond.

import type { Scenario } from '../scenario/types.js';
import { ScenarioRun, type ScenarioRunOptions } from './run-scenario.js';

const TRACED_EVENT_COUNT_MAX = 5_000_000;

export interface DeterminismReport {
  readonly ok: boolean;
  readonly eventCount: number;
  /** What differed first, in words; null when the runs were identical. */
  readonly difference: string | null;
}

interface Trace {
  readonly timesUs: number[];
  readonly kinds: number[];
  readonly nodes: number[];
  hash: number;
  count: number;
  metrics: string;
  run: ScenarioRun;
}

/**
 * How a caller drives a run: build it, then advance it to its end (default: all at once). The
 * CLI's finish advances it in slices and yields between them, so that Ctrl-C is seen.
 */
export interface RunDriver {
  build(make: () => ScenarioRun): ScenarioRun;
  finish(run: ScenarioRun): void | Promise<void>;
}

const AT_ONCE: RunDriver = { build: (make) => make(), finish: (run) => void run.advance() };

async function traceRun(scenario: Scenario, options: ScenarioRunOptions, driver: RunDriver): Promise<Trace> {
  const run = driver.build(() => new ScenarioRun(scenario, options));
  const trace: Trace = { timesUs: [], kinds: [], nodes: [], hash: 0x811c9dc5, count: 0, metrics: '', run };
  run.traceEvents((timeUs, kind, node) => {
    if (trace.count < TRACED_EVENT_COUNT_MAX) {
      trace.timesUs.push(timeUs);
      trace.kinds.push(kind);
      trace.nodes.push(node);
    }
    trace.hash = Math.imul(trace.hash ^ (timeUs % 4294967296), 16777619) ^ Math.imul(kind + 1, 31) ^ (node + 7);
    trace.count++;
  });
  await driver.finish(run);
  const result = run.result();
  trace.metrics = JSON.stringify(result.metrics);
  return trace;
}

export async function checkDeterminism(scenario: Scenario, options: ScenarioRunOptions = {}, driver: RunDriver = AT_ONCE): Promise<DeterminismReport> {
  const first = await traceRun(scenario, options, driver);
  const second = await traceRun(scenario, options, driver);
  const describe = (trace: Trace, i: number): string => {
    const node = trace.nodes[i]!;
    const where = node < 0 ? '' : ` of node ${scenario.nodes[node]!.name}`;
    return `${(trace.timesUs[i]! / 1e6).toFixed(6)}s, a ${trace.run.eventKindName(trace.kinds[i]!)}${where}`;
  };
  const traced = Math.min(first.timesUs.length, second.timesUs.length);
  for (let i = 0; i < traced; i++) {
    if (first.timesUs[i] !== second.timesUs[i] || first.kinds[i] !== second.kinds[i] || first.nodes[i] !== second.nodes[i]) {
      return { ok: false, eventCount: first.count, difference: `event ${i + 1} differs: the first run had ${describe(first, i)}; the second ${describe(second, i)}` };
    }
  }
  if (first.count !== second.count) {
    return { ok: false, eventCount: first.count, difference: `the first run had ${first.count} events, the second ${second.count}` };
  }
  if (first.hash !== second.hash) {
    return { ok: false, eventCount: first.count, difference: `the events after the first ${TRACED_EVENT_COUNT_MAX} differ` };
  }
  if (first.metrics !== second.metrics) {
    return { ok: false, eventCount: first.count, difference: `the same events, different metrics: ${firstMetricDifference(first.metrics, second.metrics)}` };
  }
  return { ok: true, eventCount: first.count, difference: null };
}

function firstMetricDifference(a: string, b: string): string {
  const left = JSON.parse(a) as Record<string, number>;
  const right = JSON.parse(b) as Record<string, number>;
  const name = Object.keys({ ...left, ...right }).find((key) => left[key] !== right[key]);
  return name === undefined ? 'in their order' : `${name} was ${left[name]} and then ${right[name]}`;
}
