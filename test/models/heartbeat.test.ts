// The heartbeat model: configuration, detector kinds through the simulator, and the QoS
// conventions for restarts (what a user reading the metrics relies on).

import { describe, expect, it } from 'vitest';
import { heartbeatYaml, loadYaml, problemsOf, runYaml } from '../model/kit/detectors/detector-test-helpers.js';
import type { HeartbeatConfig } from '../../src/models/heartbeat/config.js';

describe('heartbeat model configuration', () => {
  it('monitors: all pairs every node with every other; a map names targets; defaults are Akka phi', async () => {
    const all = await loadYaml(heartbeatYaml({ nodes: '[a, b, c]', body: 'system:\n  model: heartbeat' }));
    const config = all.system.config as HeartbeatConfig;
    expect([...config.targetsByMonitor]).toEqual([
      ['a', ['b', 'c']],
      ['b', ['a', 'c']],
      ['c', ['a', 'b']],
    ]);
    expect(config.detector).toMatchObject({ kind: 'phi-accrual', threshold: 8, acceptablePauseUs: 3_000_000, minStdDeviationUs: 100_000, maxSampleSize: 1000, intervalUs: 1_000_000 });
    const map = await loadYaml(
      heartbeatYaml({ nodes: '[lb, { name: s, count: 2 }]', body: 'system:\n  model: heartbeat\n  monitors: { lb: [s-*] }\n  detector: { kind: phi-accrual, acceptable-heartbeat-pause: 1s, max-sample-size: 10 }' }),
    );
    const mapConfig = map.system.config as HeartbeatConfig;
    expect([...mapConfig.targetsByMonitor]).toEqual([['lb', ['s-1', 's-2']]]);
    expect(mapConfig.detector).toMatchObject({ acceptablePauseUs: 1_000_000, maxSampleSize: 10 });
  });

  it('reports located mistakes', async () => {
    const problems = await problemsOf(
      heartbeatYaml({ body: 'system:\n  model: heartbeat\n  monitors: { a: [a, zz] }\n  detector: { kind: timeout, interval: 1s, timout: 2s }' }),
    );
    const messages = problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n');
    expect(messages).toMatch(/system\.detector\.timeout: missing required key/);
    expect(messages).toMatch(/system\.detector\.timout: unknown key/);
    expect(messages).toMatch(/zz/);
    const healthCheck = await problemsOf(
      heartbeatYaml({ body: 'system:\n  model: heartbeat\n  detector: { kind: health-check, interval: 1s, timeout: 2s }' }),
    );
    expect(healthCheck.map((problem) => problem.message).join()).toMatch(/cannot exceed its interval/);
    // Runaway topologies are refused before they exhaust memory.
    const huge = await problemsOf(heartbeatYaml({ nodes: '[{ name: n, count: 600 }]', body: 'system:\n  model: heartbeat' }));
    expect(huge.map((problem) => problem.message).join()).toMatch(/359,400 monitor-target pairs is more than 250,000/);
    // A wrong kind is reported alone: its keys are not judged against another kind's.
    const wrongKind = await problemsOf(
      heartbeatYaml({ body: 'system:\n  model: heartbeat\n  detector: { kind: phi, interval: 1s, threshold: 8 }' }),
    );
    expect(wrongKind.map((problem) => `${problem.path}: ${problem.message}`)).toEqual([
      'system.detector.kind: expected one of timeout, phi-accrual, health-check, got "phi"',
    ]);
  });
});

describe('heartbeat model in the simulator', () => {
  const run = (detector: string, faults: string, extra = '') =>
    runYaml(
      heartbeatYaml({
        nodes: '[m, t]',
        duration: '30s',
        body: `network: { latency: 1ms }\nsystem:\n  model: heartbeat\n  monitors: { m: [t] }\n  detector: ${detector}\n${extra}faults:\n${faults}`,
      }),
    );

  it('a health check suspects after unhealthy-after failed probes and trusts after healthy-after answers', async () => {
    const result = await run(
      '{ kind: health-check, interval: 1s, timeout: 500ms, unhealthy-after: 3, healthy-after: 2 }',
      '  - { at: 10s, for: 10s, crash: t, mode: silent }',
    );
    // The 3rd failed probe times out 500ms after it was sent: 2.5s to 3.5s after the crash.
    expect(result.metrics['detector.detection-time.max']).toBeGreaterThan(2000);
    expect(result.metrics['detector.detection-time.max']).toBeLessThanOrEqual(3500);
    expect(result.metrics['detector.false-suspicions']).toBe(0);
    const flags = result.timeline.lanes.find((lane) => lane.node === 't')!.flags!;
    const suspected = flags.find((flag) => flag.name === 'suspected')!.buckets;
    const bucketS = result.timeline.bucketUs / 1e6;
    // Trusted again only after two answered probes: 1s to 2s after the restart at 20s.
    expect(suspected[Math.floor(20.5 / bucketS)]).toBe(true);
    expect(suspected[Math.floor(22.5 / bucketS)]).toBe(false);
  });

  it('a health check with suspect-on-refused suspects at the first refused probe', async () => {
    const result = await run(
      '{ kind: health-check, interval: 1s, timeout: 500ms, unhealthy-after: 3, suspect-on-refused: true }',
      '  - { at: 10s, crash: t, mode: refuse }',
    );
    expect(result.metrics['detector.detection-time.max']).toBeLessThanOrEqual(1003);
  });

  it('counts a crash undetected when the target restarts before the timeout', async () => {
    const result = await run('{ kind: timeout, interval: 100ms, timeout: 2s }', '  - { at: 10s, for: 1s, crash: t, mode: silent }');
    expect(result.metrics['detector.undetected-crashes']).toBe(1);
    expect(result.metrics['detector.detections']).toBe(0);
    expect(result.metrics['detector.query-accuracy']).toBe(1);
  });

  it('a crashed monitor has no view; after its restart it finds a target that died meanwhile', async () => {
    const result = await run(
      '{ kind: timeout, interval: 100ms, timeout: 500ms }',
      '  - { at: 5s, crash: m, mode: silent }\n  - { at: 6s, crash: t, mode: silent }\n  - { at: 8s, restart: m }',
    );
    // Timed from the monitor's restart at 8s: the fresh timeout runs out 500ms later.
    expect(result.metrics['detector.detections']).toBe(1);
    expect(result.metrics['detector.detection-time.max']).toBeCloseTo(500, 0);
    expect(result.metrics['detector.undetected-crashes']).toBe(0);
  });
});
