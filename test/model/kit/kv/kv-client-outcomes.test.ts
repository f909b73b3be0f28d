// What a kv client records when its server refuses an operation: a write refused on every
// attempt certainly did not happen (fail); a write one attempt of which timed out may have taken
// effect at the server that swallowed it, so a later refusal leaves its outcome unknown (info).

import { describe, expect, it } from 'vitest';
import type { SystemModel } from '../../../../src/model/api.js';
import { createKvClient, type KvRouter } from '../../../../src/model/kit/kv/kv-client.js';
import { KvLedger } from '../../../../src/model/kit/kv/kv-ledger.js';
import { isKvRequest, type KvResponse } from '../../../../src/model/kit/kv/kv-messages.js';
import type { KvWorkloadConfig } from '../../../../src/model/kit/kv/kv-workload-config.js';
import { runScenario } from '../../../../src/run/run-scenario.js';
import { buildScenario } from '../../../builders/scenario.js';

const workload: KvWorkloadConfig = {
  kind: 'kv',
  clients: ['client'],
  keyCount: 1,
  mix: { read: 0, write: 1, cas: 0 },
  arrivalRatePerSecond: null,
  concurrencyPerClient: 1,
  timeoutUs: 100_000,
  retries: 1,
};

/** A server that ignores every request until `swallowUntilUs` and answers "not the leader" (knowing none) after. */
function refusingModel(swallowUntilUs: number): SystemModel<null, KvLedger> {
  const router: KvRouter = { redirectMax: 2, target: () => 'server', redirected() {}, timedOut() {} };
  return {
    name: 'refusing',
    description: 'swallows, then refuses',
    metricNames: () => ['ops.ok', 'ops.failed', 'ops.unknown'],
    parseConfig: () => null,
    createShared: (_config, setup) => new KvLedger(() => setup.oracle.nowUs(), () => true),
    createNode(ctx, _config, ledger) {
      if (ctx.nodeName === 'client') return createKvClient(ctx, workload, ledger, router);
      return {
        onMessage(from, message) {
          if (!isKvRequest(message) || ctx.nowUs() < swallowUntilUs) return;
          ctx.send(from, { kind: 'kv.response', requestId: message.requestId, outcome: 'not-leader', leader: null } satisfies KvResponse);
        },
      };
    },
    outstanding: (ledger) => ledger.outstanding(),
    drainLimitUs: () => 1_000_000,
  };
}

const run = (swallowUntilUs: number) =>
  runScenario(
    buildScenario({
      model: refusingModel(swallowUntilUs),
      config: null,
      nodes: [{ name: 'client', region: null }, { name: 'server', region: null }],
      durationUs: 300_000,
    }),
  );

describe('kv client outcomes after refusals', () => {
  it('a write refused on every attempt failed', () => {
    const result = run(0);
    expect(result.metrics['ops.failed']).toBeGreaterThan(10);
    expect(result.metrics['ops.unknown']).toBe(0);
  });

  it('a write whose first attempt timed out and whose retry was refused has an unknown outcome', () => {
    // The first write's first attempt is swallowed (timeout at 100ms); its retry is refused.
    const result = run(50_000);
    expect(result.metrics['ops.unknown']).toBe(1);
    expect(result.metrics['ops.failed']).toBeGreaterThan(10);
  });
});
