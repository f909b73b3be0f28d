// Runs raft scenarios in-process for the model's tests: a YAML builder for a cluster of servers
// raft-1..N and clients, and a runner that returns the result, its metrics, the facts the model
// recorded (elections, applied entries) and, when asked, every message and history record seen
// from outside the model (test/builders/wrapped-model.ts).

import type { HistoryOperation } from '../../../src/model/api.js';
import type { ConsensusFacts } from '../../../src/model/consensus-facts.js';
import { raftModel } from '../../../src/models/raft/index.js';
import type { RaftObserver } from '../../../src/models/raft/observer.js';
import { ScenarioRun } from '../../../src/run/run-scenario.js';
import { loadScenario } from '../../../src/scenario/load-scenario.js';
import { resolverWith, wrapModel } from '../../builders/wrapped-model.js';

export interface RaftYamlOptions {
  readonly seed?: number;
  readonly duration?: string;
  readonly servers?: number;
  readonly clients?: number;
  /** Extra lines of `system:` (one key per line, unindented). */
  readonly system?: string;
  /** Extra lines of `workload:` (one key per line, unindented). */
  readonly workload?: string;
  /** Top-level YAML appended as is (faults, clocks, final, expect). */
  readonly rest?: string;
}

/** A raft scenario: 2.5ms each way, 5ms disk writes, 150–300ms timeouts, 50ms heartbeats unless overridden. */
export function raftYaml(options: RaftYamlOptions = {}): string {
  const serverCount = options.servers ?? 5;
  const servers = Array.from({ length: serverCount }, (_, i) => `raft-${i + 1}`);
  const clientCount = options.clients ?? 2;
  const clients = clientCount === 1 ? ['client'] : Array.from({ length: clientCount }, (_, i) => `client-${i + 1}`);
  const indent = (text: string | undefined): string[] => (text ?? '').split('\n').filter((line) => line.trim() !== '').map((line) => `  ${line}`);
  const systemKeys = new Set(indent(options.system).map((line) => line.trim().split(':')[0]));
  const workloadKeys = new Set(indent(options.workload).map((line) => line.trim().split(':')[0]));
  const defaults = (keys: Set<string | undefined>, lines: string[]): string[] => lines.filter((line) => !keys.has(line.trim().split(':')[0]));
  return [
    `seed: ${options.seed ?? 1}`,
    `duration: ${options.duration ?? '5s'}`,
    'nodes:',
    clientCount === 1 ? '  - name: client' : `  - { name: client, count: ${clientCount} }`,
    `  - { name: raft, count: ${serverCount} }`,
    'network: { latency: { dist: normal, mean: 2.5ms, stddev: 0.25ms } }',
    'system:',
    '  model: raft',
    `  servers: [${servers.join(', ')}]`,
    ...defaults(systemKeys, ['  election-timeout: { min: 150ms, max: 300ms }', '  heartbeat: 50ms', '  disk-write: 5ms']),
    ...indent(options.system),
    'workload:',
    '  kind: kv',
    `  clients: [${clients.join(', ')}]`,
    ...defaults(workloadKeys, ['  keys: 10', '  mix: { read: 0.5, write: 0.5 }', '  rate: 50/s', '  timeout: 500ms', '  retries: 2']),
    ...indent(options.workload),
    options.rest ?? '',
  ].join('\n');
}

export interface Delivery {
  readonly node: string;
  readonly from: string;
  readonly message: any;
  readonly trueUs: number;
}

export interface RaftRunOptions {
  readonly sets?: readonly string[];
  /** Record every message delivered to a node (costs memory: keep such runs short). */
  readonly watch?: boolean;
}

/** Runs `text` with the raft model (wrapped so that deliveries and history records can be watched). */
export async function runRaft(text: string, options: RaftRunOptions = {}) {
  const deliveries: Delivery[] = [];
  const history: { node: string; operation: HistoryOperation; trueUs: number }[] = [];
  const model = wrapModel(raftModel, {
    ...(options.watch ? { onDelivery: (node: string, from: string, message: unknown, trueUs: number) => deliveries.push({ node, from, message, trueUs }) } : {}),
    onHistory: (node, operation, trueUs) => history.push({ node, operation, trueUs }),
  });
  const wrapped = text.replace(/^(\s*)model: raft$/m, '$1model: wrapped');
  const scenario = await loadScenario({ file: 'raft.yaml', text: wrapped, sets: [...(options.sets ?? [])], resolveModel: resolverWith(model) });
  const scenarioRun = new ScenarioRun(scenario);
  const result = scenarioRun.result();
  const observer = (scenarioRun as unknown as { shared: RaftObserver }).shared;
  const facts = observer.facts() as ConsensusFacts & ReturnType<RaftObserver['facts']>;
  const verdict = (expr: string): boolean => {
    const found = result.expectations.find((expectation) => expectation.expr === expr);
    if (found === undefined) throw new Error(`no expectation "${expr}" in the run`);
    return found.ok;
  };
  return { result, metrics: result.metrics, facts, deliveries, history, verdict, scenarioRun };
}
