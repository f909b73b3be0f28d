// Runaway input is refused with a located message, not run until memory runs out.

import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/fake-io.js';

describe('request-response bounds', () => {
  it('refuses a rate that could keep millions of requests pending', async () => {
    const result = await runCli([
      'validate',
      'scenarios/pause-looks-dead.yaml',
      '--set',
      'workload.rate=900000/s',
      '--set',
      'workload.timeout=10s',
    ]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--set workload.rate=900000/s: workload.rate: this rate could keep 9,000,000 requests pending');
  });

  it('refuses a rate above the maximum and a queue above its bound', async () => {
    const rate = await runCli(['validate', 'scenarios/pause-looks-dead.yaml', '--set', 'workload.rate=2000000/s']);
    expect(rate.code).toBe(2);
    const queue = await runCli(['validate', 'scenarios/pause-looks-dead.yaml', '--set', 'system.queue=100000000']);
    expect(queue.code).toBe(2);
    expect(queue.err).toContain('system.queue');
  });
});
