// Every shipped scenario runs end to end, and shows the lesson its comment promises.

import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/fake-io.js';
import { runScenarioJson } from './run-scenario-json.js';


describe('shipped scenarios', () => {
  it('all validate', async () => {
    const files = readdirSync('scenarios').filter((file) => file.endsWith('.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    const result = await runCli(['validate', ...files.map((file) => `scenarios/${file}`)]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
  });

  it('lost-request-vs-lost-response: both kinds of loss, and work done for failed requests', async () => {
    const { code, metrics } = await runScenarioJson('lost-request-vs-lost-response.yaml');
    expect(code).toBe(0);
    expect(metrics['failures.request-lost']).toBeGreaterThan(0);
    expect(metrics['failures.response-lost']).toBeGreaterThan(0);
    // Executions beyond the successes are exactly the requests whose response was lost.
    expect(metrics['executions'] - metrics['requests.ok']).toBe(metrics['failures.response-lost']);
  });

  it('retry-duplicates: retries execute twice; idempotency keys fix it', async () => {
    const broken = await runScenarioJson('retry-duplicates.yaml');
    expect(broken.code).toBe(1);
    expect(broken.metrics['duplicates']).toBeGreaterThan(50);
    const fixed = await runScenarioJson('retry-duplicates.yaml', '--set', 'workload.idempotent=true');
    expect(fixed.code).toBe(0);
    expect(fixed.metrics['duplicates']).toBe(0);
  });

  it('pause-looks-dead: a paused server fails requests like a crashed one, then does stale work', async () => {
    const { code, document, metrics } = await runScenarioJson('pause-looks-dead.yaml');
    expect(code).toBe(0);
    expect(metrics['failures.server-paused']).toBeGreaterThan(100);
    expect(metrics['failures.server-crashed']).toBe(0);
    expect(metrics['executions']).toBeGreaterThan(metrics['requests.ok']);
    const lane: string = document.timeline.lanes.find((l: { node: string }) => l.node === 'server-1').states;
    expect(lane).toContain('P');
  });

  it('overload-queueing: latency explodes while arrivals exceed capacity', async () => {
    const { code, metrics } = await runScenarioJson('overload-queueing.yaml');
    expect(code).toBe(0);
    expect(metrics['failures.queued-past-timeout']).toBeGreaterThan(100);
    expect(metrics['latency.max']).toBeGreaterThan(900);
    const calm = await runScenarioJson('overload-queueing.yaml', '--set', 'faults[0].factor=1.1');
    expect(calm.metrics['failures.queued-past-timeout']).toBe(0);
  });

  it('large-cluster-always-broken: several servers down at any time, yet requests succeed', async () => {
    const { code, metrics } = await runScenarioJson('large-cluster-always-broken.yaml');
    expect(code).toBe(0);
    // Each server is down mttr/(mtbf+mttr) = 5/65 of the time: 7.7 of 100 on average.
    expect(metrics['nodes.down-mean']).toBeGreaterThan(5);
    expect(metrics['nodes.down-mean']).toBeLessThan(10.5);
    expect(metrics['nodes.all-up-fraction']).toBeLessThan(0.05);
    expect(metrics['availability']).toBeGreaterThan(0.999);
  });

  it('retries-under-loss (the format example) runs every fault kind and fails on purpose', async () => {
    const { code, document, metrics } = await runScenarioJson('retries-under-loss.yaml');
    expect(code).toBe(1);
    for (const cause of ['request-lost', 'response-lost', 'server-crashed', 'unreachable', 'server-paused']) {
      expect(metrics[`failures.${cause}`]).toBeGreaterThan(0);
    }
    const kinds = new Set(document.faults.map((fault: { kind: string }) => fault.kind));
    for (const kind of ['crash', 'restart', 'partition', 'pause', 'link']) expect(kinds.has(kind)).toBe(true);
  });
});
