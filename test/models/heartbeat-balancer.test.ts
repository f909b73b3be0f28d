// The request-response balancer with failure detection and the least-outstanding policy.

import { describe, expect, it } from 'vitest';
import { runYaml } from '../model/kit/detectors/detector-test-helpers.js';

const lbYaml = (balancer: string, faults: string) =>
  [
    'seed: 3',
    'duration: 30s',
    'nodes: [client, { name: server, count: 2 }]',
    'network: { latency: 1ms }',
    'system:',
    '  model: request-response',
    '  servers: [server-1, server-2]',
    '  service: { dist: exponential, mean: 5ms }',
    '  concurrency: 4',
    `  balancer: ${balancer}`,
    'workload: { clients: [client], rate: 200/s, timeout: 1s }',
    `faults: ${faults}`,
  ].join('\n');

describe('balancer', () => {
  it('least-outstanding avoids a slow server that round-robin keeps feeding', async () => {
    const slow = '[{ at: 5s, for: 20s, slow: server-1, factor: 20 }]';
    const roundRobin = await runYaml(lbYaml('{ policy: round-robin }', slow));
    const least = await runYaml(lbYaml('{ policy: least-outstanding }', slow));
    // Round robin sends half the load (100/s) to a server that now serves 40/s: its queue grows
    // and requests time out; least-outstanding sends it only what it keeps up with.
    expect(least.metrics['latency.mean']!).toBeLessThan(roundRobin.metrics['latency.mean']! * 0.6);
    expect(least.metrics['availability']!).toBeGreaterThan(roundRobin.metrics['availability']!);
  });

  it('routes away from a server its detector suspects, and back after it recovers', async () => {
    const crash = '[{ at: 10s, for: 10s, crash: server-1, mode: refuse }]';
    const blind = await runYaml(lbYaml('{ policy: round-robin }', crash));
    const watching = await runYaml(
      lbYaml('{ policy: round-robin, detector: { kind: timeout, interval: 100ms, timeout: 300ms, suspect-on-refused: true } }', crash),
    );
    // Blind: every other request of the 10s goes to the dead server (~1000).
    expect(blind.metrics['attempts.to-crashed-server']).toBeGreaterThan(800);
    // Watching: only until the first refused probe, within 100ms (~10 requests).
    expect(watching.metrics['attempts.to-crashed-server']).toBeLessThan(40);
    expect(watching.metrics['detector.detections']).toBe(1);
    // Back in rotation after the restart: the after-crash phase is served by both, all succeed.
    expect(watching.metrics['requests.after-crash.ok-fraction']).toBe(1);
    expect(watching.metrics['balancer.fail-open']).toBe(0);
  });

  it('fails open when it suspects every server', async () => {
    const result = await runYaml(
      lbYaml('{ health-check: { interval: 200ms, timeout: 100ms, unhealthy-after: 1 } }', '[{ at: 10s, for: 2s, crash: "server-*", mode: silent }]'),
    );
    expect(result.metrics['balancer.fail-open']).toBeGreaterThan(0);
    expect(result.metrics['requests.before-crash.ok-fraction']).toBe(1);
  });
});
