// A server: executes requests with the configured service time, `concurrency` at a time, with a
// bounded queue; rejects when the queue is full; optionally remembers request ids (idempotency).

import type { NodeBehaviour, NodeContext } from '../../model/api.js';
import type { RequestResponseConfig } from './config.js';
import type { RequestMessage, ResponseMessage } from './messages.js';
import type { RequestResponseObserver } from './observer.js';
import type { Sampler } from '../../model/sampler.js';
import { answerProbe } from '../../model/kit/detectors/probe-messages.js';

interface Job {
  readonly from: string;
  readonly message: RequestMessage;
}

/** Remembered request ids (idempotency): the answer once executed, or who waits for it. */
interface DedupeEntry {
  done: boolean;
  readonly waiters: Job[];
  readonly rememberedAtUs: number;
}

export function createServer(
  ctx: NodeContext,
  config: RequestResponseConfig,
  observer: RequestResponseObserver,
  serviceTime: Sampler,
): NodeBehaviour {
  const queue: Job[] = [];
  let queueHead = 0;
  let busy = 0;
  const serviceStream = ctx.stream('service');
  // Request ids survive a crash: an idempotency table lives in durable storage.
  const dedupe = (ctx.durable.get('dedupe') as Map<number, DedupeEntry> | undefined) ?? new Map<number, DedupeEntry>();
  ctx.durable.set('dedupe', dedupe);
  // Executions in progress died with the previous incarnation: forget them, so retries run again.
  for (const [requestId, entry] of dedupe) if (!entry.done) dedupe.delete(requestId);

  const respond = (job: Job, outcome: ResponseMessage['outcome']): void => {
    const { requestId, attemptNumber } = job.message;
    const response: ResponseMessage = { kind: 'response', requestId, attemptNumber, outcome };
    job.message.attempt.responseTracker = ctx.sendTracked(job.from, response);
  };

  const start = (job: Job): void => {
    busy++;
    job.message.attempt.progress = 'executing';
    const durationUs = serviceTime(serviceStream) * ctx.slowFactor();
    ctx.setTimer(durationUs, () => finish(job));
  };

  const finish = (job: Job): void => {
    busy--;
    observer.recordExecution(job.message.request);
    job.message.attempt.progress = 'done';
    const entry = config.idempotent ? dedupe.get(job.message.requestId) : undefined;
    if (entry) {
      entry.done = true;
      for (const waiter of entry.waiters.splice(0)) {
        waiter.message.attempt.progress = 'done';
        respond(waiter, 'ok');
      }
    }
    respond(job, 'ok');
    if (queueHead < queue.length) {
      const next = queue[queueHead]!;
      queue[queueHead++] = undefined as unknown as Job;
      if (queueHead > 1024 && queueHead * 2 > queue.length) {
        queue.splice(0, queueHead);
        queueHead = 0;
      }
      start(next);
    }
  };

  const forget = (nowUs: number): void => {
    // Entries are in insertion (= time) order: drop the expired ones from the front.
    for (const [requestId, entry] of dedupe) {
      if (nowUs - entry.rememberedAtUs < config.dedupeWindowUs) break;
      dedupe.delete(requestId);
    }
  };

  return {
    onMessage(from, raw) {
      // Health checks are answered at once, beside the request queue (a separate endpoint).
      if (answerProbe(ctx, from, raw)) return;
      const message = raw as RequestMessage;
      if (message.kind !== 'request') return;
      observer.recordReceipt(message.attempt, ctx.nodeName);
      if (config.idempotent) {
        forget(ctx.monotonicUs());
        const entry = dedupe.get(message.requestId);
        if (entry) {
          message.attempt.progress = entry.done ? 'done' : 'executing';
          if (entry.done) respond({ from, message }, 'ok');
          else entry.waiters.push({ from, message });
          return;
        }
      }
      const job: Job = { from, message };
      if (busy < config.serverConcurrency) {
        if (config.idempotent) dedupe.set(message.requestId, { done: false, waiters: [], rememberedAtUs: ctx.monotonicUs() });
        start(job);
      } else if (queue.length - queueHead < config.queueCapacity) {
        if (config.idempotent) dedupe.set(message.requestId, { done: false, waiters: [], rememberedAtUs: ctx.monotonicUs() });
        message.attempt.progress = 'queued';
        queue.push(job);
      } else {
        message.attempt.progress = 'rejected';
        ctx.metrics.count('server.rejections');
        respond(job, 'rejected');
      }
    },
  };
}
