// The t-visibility workload, as PBS measures staleness (Bailis et al., "Probabilistically Bounded
// Staleness"): each probe writes a fresh key, waits `gap` after the write is acknowledged, then
// reads it; the read is consistent when it returns the value written. Probes run one after
// another per client. Records no history (a probe's key is never touched again); only the tally.

import type { MetricsRecorder, NodeBehaviour, NodeContext, TimerHandle } from '../../api.js';
import type { KvClientOptions, KvRouter } from './kv-client.js';
import { isKvResponse, type KvRequest } from './kv-messages.js';
import type { VisibilityWorkloadConfig } from './kv-workload-config.js';

export const VISIBILITY_METRIC_NAMES = ['probes.completed', 'probes.failed', 'reads.consistent', 'reads.consistent-fraction'] as const;

export class VisibilityTally {
  /** Probes under way per client (0 or 1: a client runs its probes one after another). */
  readonly inFlightByClient = new Map<string, number>();
  completed = 0;
  failed = 0;
  consistent = 0;
  private nextId = 1;

  newId(): number {
    return this.nextId++;
  }

  /** Probes under way at clients that are up. */
  inFlight(clientIsUp: (client: string) => boolean): number {
    let count = 0;
    for (const [client, inFlight] of this.inFlightByClient) if (clientIsUp(client)) count += inFlight;
    return count;
  }

  finish(metrics: MetricsRecorder): void {
    if (this.completed + this.failed === 0) return;
    metrics.set('probes.completed', this.completed);
    metrics.set('probes.failed', this.failed);
    metrics.set('reads.consistent', this.consistent);
    if (this.completed > 0) metrics.set('reads.consistent-fraction', this.consistent / this.completed);
  }
}

export function createVisibilityClient(
  ctx: NodeContext,
  config: VisibilityWorkloadConfig,
  tally: VisibilityTally,
  router: KvRouter,
  options: KvClientOptions = {},
): NodeBehaviour {
  const clientIndex = config.clients.indexOf(ctx.nodeName);
  const share = Math.floor(config.probeCount / config.clients.length) + (clientIndex < config.probeCount % config.clients.length ? 1 : 0);
  let started = 0;
  // A restarted client's interrupted probe never completes: it counts as failed.
  if ((tally.inFlightByClient.get(ctx.nodeName) ?? 0) > 0) tally.failed++;
  tally.inFlightByClient.set(ctx.nodeName, 0);
  let probe: { key: string; value: number; phase: 'write' | 'read'; requestId: number; server: string; timer: TimerHandle } | null = null;

  const send = (request: KvRequest): void => {
    const server = router.target(request.f);
    ctx.send(server, request);
    const timer = ctx.setTimer(config.timeoutUs, () => finishProbe(false, false));
    probe = { key: request.key, value: probe?.value ?? request.value!, phase: request.f === 'read' ? 'read' : 'write', requestId: request.requestId, server, timer };
  };

  const finishProbe = (completed: boolean, consistent: boolean): void => {
    if (probe) ctx.cancelTimer(probe.timer);
    probe = null;
    tally.inFlightByClient.set(ctx.nodeName, 0);
    if (completed) tally.completed++;
    else tally.failed++;
    if (consistent) tally.consistent++;
    next();
  };

  const next = (): void => {
    if (started >= share || ctx.monotonicUs() >= ctx.durationUs) return;
    started++;
    tally.inFlightByClient.set(ctx.nodeName, 1);
    const id = tally.newId();
    const key = `probe-${ctx.nodeName}-${started}`;
    probe = null;
    send({ kind: 'kv.request', requestId: id, f: 'write', key, value: id, ...(options.timestampWrites ? { timestampUs: ctx.nowUs() } : {}) });
  };

  next();

  return {
    onMessage(from, message) {
      if (!isKvResponse(message) || probe === null || message.requestId !== probe.requestId || from !== probe.server) return;
      if (message.outcome !== 'ok') {
        finishProbe(false, false);
        return;
      }
      if (probe.phase === 'read') {
        finishProbe(true, message.value === probe.value);
        return;
      }
      ctx.cancelTimer(probe.timer);
      const { key, value } = probe;
      const read = (): void => {
        probe = { ...probe!, value };
        send({ kind: 'kv.request', requestId: tally.newId(), f: 'read', key });
      };
      if (config.gapUs > 0) ctx.setTimer(config.gapUs, read);
      else read();
    },
  };
}
