// The failure-detection scenarios run end to end and show the lessons their comments promise.

import { describe, expect, it } from 'vitest';
import { runScenarioJson } from './run-scenario-json.js';


function suspectedRow(document: { timeline: { lanes: { node: string; flags?: Record<string, string> }[] } }, node: string) {
  return document.timeline.lanes.find((lane) => lane.node === node)?.flags?.['suspected'] ?? '';
}

describe('detector scenarios', () => {
  it('detect-timeout-tradeoff: a short timeout is fast and wrong, a long one slow and right', async () => {
    const short = await runScenarioJson('detect-timeout-tradeoff.yaml');
    expect(short.code).toBe(0);
    expect(short.metrics['detector.detection-time.max']).toBeLessThan(400);
    expect(short.metrics['detector.false-suspicions']).toBeGreaterThanOrEqual(2);
    expect(suspectedRow(short.document, 'node-2')).toContain('1');
    const long = await runScenarioJson('detect-timeout-tradeoff.yaml', '--set', 'system.detector.timeout=2s');
    expect(long.metrics['detector.false-suspicions']).toBe(0);
    expect(long.metrics['detector.detection-time.max']).toBeGreaterThan(1500);
    expect(suspectedRow(long.document, 'node-2')).not.toContain('1');
  });

  it('detect-gc-pause: a pause longer than the timeout is taken for a crash', async () => {
    const { code, document, metrics } = await runScenarioJson('detect-gc-pause.yaml');
    expect(code).toBe(0);
    expect(metrics['detector.detections']).toBe(0);
    // Both peers suspect node-2 for about pause - timeout = 2s.
    expect(metrics['detector.mistake-duration.max']).toBeGreaterThan(1900);
    expect(metrics['detector.mistake-duration.max']).toBeLessThan(2300);
    const lane = document.timeline.lanes.find((l: { node: string }) => l.node === 'node-2');
    expect(lane.states).toContain('P');
    expect(lane.states).not.toContain('D');
    expect(lane.flags.suspected).toContain('1');
    const patient = await runScenarioJson('detect-gc-pause.yaml', '--set', 'system.detector.timeout=4s');
    expect(patient.metrics['detector.false-suspicions']).toBe(0);
  });

  it('detect-phi-adapts: phi accrual stays quiet on jittery links where a fixed timeout flaps', async () => {
    const phi = await runScenarioJson('detect-phi-adapts.yaml');
    expect(phi.code).toBe(0);
    expect(phi.metrics['detector.false-suspicions']).toBeLessThanOrEqual(1);
    const fixed = await runScenarioJson(
      'detect-phi-adapts.yaml',
      '--set',
      'system.detector={ kind: timeout, interval: 200ms, timeout: 600ms }',
    );
    expect(fixed.metrics['detector.false-suspicions']).toBeGreaterThanOrEqual(5);
    expect(fixed.metrics['detector.query-accuracy']!).toBeLessThan(phi.metrics['detector.query-accuracy']!);
    // ...and phi pays with a slower detection.
    expect(phi.metrics['detector.detection-time.max']!).toBeGreaterThan(fixed.metrics['detector.detection-time.max']!);
  });

  it('detect-refused-vs-silent: a refusal is detected within a probe interval, silence after the timeout', async () => {
    const { code, document, metrics } = await runScenarioJson('detect-refused-vs-silent.yaml');
    expect(code).toBe(0);
    expect(metrics['detector.detections']).toBe(2);
    expect(metrics['detector.detection-time.max']).toBeGreaterThan(2500);
    expect(metrics['detector.detection-time.max']).toBeLessThanOrEqual(3000);
    // The mean of the two detections: (refused <= 500ms + silent <= 3000ms) / 2.
    expect(metrics['detector.detection-time.mean']! * 2 - metrics['detector.detection-time.max']!).toBeLessThan(500);
    const bucketMs = document.timeline.bucketMs as number;
    const crashBucket = Math.floor(20_000 / bucketMs);
    expect(suspectedRow(document, 'node-1').indexOf('1')).toBeLessThanOrEqual(crashBucket + Math.ceil(500 / bucketMs));
    expect(suspectedRow(document, 'node-2').indexOf('1')).toBeGreaterThanOrEqual(crashBucket + Math.floor(2500 / bucketMs));
    const ignoring = await runScenarioJson('detect-refused-vs-silent.yaml', '--set', 'system.detector.suspect-on-refused=false');
    expect(ignoring.metrics['detector.detection-time.p50']).toBeGreaterThan(2500);
  });

  it('lb-drains-crashed-server: the health check drains the crashed server within about a second', async () => {
    const { code, document, metrics } = await runScenarioJson('lb-drains-crashed-server.yaml');
    expect(code).toBe(0);
    expect(metrics['detector.detection-time.max']).toBeLessThan(1600);
    expect(metrics['attempts.to-crashed-server']).toBeLessThan(200);
    expect(metrics['requests.during-crash.ok-fraction']).toBeGreaterThan(0.97);
    expect(metrics['requests.after-crash.ok-fraction']).toBeGreaterThan(0.99);
    expect(suspectedRow(document, 'server-1')).toContain('1');
    expect(suspectedRow(document, 'server-2')).not.toContain('1');
    const blind = await runScenarioJson('lb-drains-crashed-server.yaml', '--set', 'system.balancer.health-check.unhealthy-after=1000');
    expect(blind.code).toBe(1);
    // Round robin over three servers, one dead for 20s: a third of those requests fail.
    expect(blind.metrics['requests.during-crash.ok-fraction']).toBeGreaterThan(0.6);
    expect(blind.metrics['requests.during-crash.ok-fraction']).toBeLessThan(0.72);
    expect(blind.metrics['attempts.to-crashed-server']).toBeGreaterThan(1000);
  });

  it('is deterministic: the same seed gives byte-identical JSON', async () => {
    const first = await runScenarioJson('detect-phi-adapts.yaml');
    const second = await runScenarioJson('detect-phi-adapts.yaml');
    expect(second.text).toBe(first.text);
  });
});
