// A key-value client: issues reads, writes and compare-and-sets on random keys (open loop with
// Poisson arrivals, or closed loop), sends each to the server its router picks, follows
// redirects, times out and retries, and records every operation in the history (invoke, then ok /
// fail / info). Written values are unique integers, so a read identifies the write it saw. At the
// final phase it reads every key once. Knows nothing of how the servers replicate.

import { startPoissonArrivals } from '../poisson-arrivals.js';
import type { HistoryOperation, NodeBehaviour, NodeContext, TimerHandle } from '../../api.js';
import type { KvLedger } from './kv-ledger.js';
import { isKvResponse, type KvOperationName, type KvRequest, type KvResponse, type KvValue } from './kv-messages.js';
import { keyName, type KvWorkloadConfig } from './kv-workload-config.js';

/** Where a client sends a request, and what it learns from redirects and timeouts. */
export interface KvRouter {
  target(f: KvOperationName): string;
  /** A server said it is not the leader; `leader` is its guess (null: none). */
  redirected(from: string, leader: string | null): void;
  timedOut(server: string): void;
  /** Redirects followed per operation before it fails. */
  readonly redirectMax: number;
}

export interface KvClientOptions {
  /**
   * Writes carry the client's time-of-day clock (ctx.nowUs()) at invocation as `timestampUs`,
   * for servers that order writes by client timestamps (last-write-wins). Default false.
   */
  readonly timestampWrites?: boolean;
}

interface Pending {
  readonly request: KvRequest;
  readonly process: number;
  attempts: number;
  redirects: number;
  /** An attempt timed out: the server may have executed it, so a later refusal does not mean "not done". */
  mayHaveTakenEffect: boolean;
  timer: TimerHandle | null;
  server: string;
  readonly final: boolean;
}

/** Timed-out attempts of final reads before they give up (they run after healing). */
const FINAL_READ_ATTEMPTS_MAX = 5;

export function createKvClient(
  ctx: NodeContext,
  config: KvWorkloadConfig,
  ledger: KvLedger,
  router: KvRouter,
  options: KvClientOptions = {},
): NodeBehaviour {
  const clientIndex = config.clients.indexOf(ctx.nodeName);
  ledger.registerClient(ctx.nodeName);
  const pending = new Map<number, Pending>();
  const choices = ctx.stream('workload');
  /** Last value this client saw per key: what its cas expects. */
  const lastSeen = new Map<string, KvValue>();
  // Unique across clients and restarts: a durable counter, interleaved by client index.
  let valueSequence = (ctx.durable.get('kv.value-sequence') as number | undefined) ?? 0;
  const freshValue = (): number => {
    valueSequence++;
    ctx.durable.set('kv.value-sequence', valueSequence);
    return valueSequence * config.clients.length + clientIndex + 1;
  };

  const record = (operation: HistoryOperation): void => {
    ctx.history.record(operation);
    ledger.record(ctx.nodeName, operation);
  };

  const send = (op: Pending): void => {
    op.server = router.target(op.request.f);
    ctx.send(op.server, op.request);
    op.timer = ctx.setTimer(config.timeoutUs, () => {
      op.timer = null;
      router.timedOut(op.server);
      op.mayHaveTakenEffect = true;
      const attemptsMax = op.final ? FINAL_READ_ATTEMPTS_MAX : config.retries + 1;
      if (op.attempts < attemptsMax) {
        op.attempts++;
        ctx.metrics.count('retries');
        send(op);
      } else {
        complete(op, op.request.f === 'read' ? 'fail' : 'info');
      }
    });
  };

  const historyValue = (request: KvRequest): unknown =>
    request.f === 'cas' ? [request.expected ?? null, request.value] : request.f === 'write' ? request.value : undefined;

  /** `casMismatch`: a compare-and-set that ran and found another value (recorded `fail`, yet answered). */
  const complete = (op: Pending, type: 'ok' | 'fail' | 'info', readValue?: KvValue, casMismatch = false): void => {
    pending.delete(op.request.requestId);
    if (op.timer) ctx.cancelTimer(op.timer);
    op.timer = null;
    const { request } = op;
    const value = request.f === 'read' ? (type === 'ok' ? readValue : undefined) : historyValue(request);
    record({ process: op.process, type, f: request.f, key: request.key, ...(value === undefined ? {} : { value }) });
    ctx.metrics.count(casMismatch ? 'ops.cas-mismatch' : type === 'ok' ? 'ops.ok' : type === 'fail' ? 'ops.failed' : 'ops.unknown');
    if (type === 'ok' && request.f !== 'read') ctx.metrics.count('writes.acknowledged');
    if (type === 'ok') lastSeen.set(request.key, request.f === 'read' ? (readValue ?? null) : request.value!);
    if (!op.final && config.concurrencyPerClient !== null && ctx.monotonicUs() < ctx.durationUs) issue();
  };

  const start = (f: KvOperationName, key: string, final: boolean): void => {
    const requestId = ledger.newOperationId();
    const request: KvRequest =
      f === 'read'
        ? { kind: 'kv.request', requestId, f, key }
        : f === 'write'
          ? { kind: 'kv.request', requestId, f, key, value: freshValue(), ...(options.timestampWrites ? { timestampUs: ctx.nowUs() } : {}) }
          : { kind: 'kv.request', requestId, f, key, value: freshValue(), expected: lastSeen.get(key) ?? null };
    const op: Pending = { request, process: requestId, attempts: 1, redirects: 0, mayHaveTakenEffect: false, timer: null, server: '', final };
    pending.set(requestId, op);
    const value = historyValue(request);
    record({ process: op.process, type: 'invoke', f, key, ...(value === undefined ? {} : { value }) });
    send(op);
  };

  const issue = (): void => {
    const key = keyName(choices.int(config.keyCount));
    const u = choices.next();
    const f: KvOperationName = u < config.mix.read ? 'read' : u < config.mix.read + config.mix.write ? 'write' : 'cas';
    start(f, key, false);
  };

  /**
   * Refused (redirects exhausted, or unavailable): certainly not done for a read, and for a write
   * whose every attempt was refused; a cas records info (a failed cas means "compare did not
   * match"), and so does a write an earlier attempt of which timed out (it may have taken effect).
   */
  const refusedOutcome = (op: Pending): 'fail' | 'info' =>
    op.request.f === 'read' || (op.request.f === 'write' && !op.mayHaveTakenEffect) ? 'fail' : 'info';

  const onResponse = (from: string, response: KvResponse): void => {
    const op = pending.get(response.requestId);
    if (!op || from !== op.server) return;
    switch (response.outcome) {
      case 'ok':
        complete(op, 'ok', response.value ?? null);
        return;
      case 'mismatch':
        complete(op, 'fail', undefined, true);
        return;
      case 'not-leader':
        router.redirected(from, response.leader ?? null);
        if (op.timer) ctx.cancelTimer(op.timer);
        op.timer = null;
        if (op.redirects < router.redirectMax) {
          op.redirects++;
          ctx.metrics.count('redirects');
          send(op);
          return;
        }
        complete(op, refusedOutcome(op));
        return;
      case 'unavailable':
        complete(op, refusedOutcome(op));
        return;
    }
  };

  ledger.registerFinalReads(ctx.nodeName, () => {
    for (let k = 0; k < config.keyCount; k++) start('read', keyName(k), true);
  });
  // A restarted client starts afresh only while the workload runs.
  if (ctx.monotonicUs() < ctx.durationUs) {
    const rate = config.arrivalRatePerSecond;
    if (rate !== null) startPoissonArrivals(ctx, rate / config.clients.length, choices, issue);
    if (config.concurrencyPerClient !== null) for (let i = 0; i < config.concurrencyPerClient; i++) issue();
  }

  return {
    onMessage(from, message) {
      if (isKvResponse(message)) onResponse(from, message);
    },
  };
}
