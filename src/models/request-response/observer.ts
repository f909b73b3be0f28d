// The request-response model's observer (its Shared state): counts what the simulator knows,
// such as executions per logical request, and which requests are still outstanding.

import type { MetricsRecorder, TruthOracle } from '../../model/api.js';
import type { AttemptTruth, RequestTruth } from './truth.js';
import type { DetectorQosTracker } from '../../model/kit/detectors/qos-tracker.js';

/** When a request was issued, relative to server crashes (truth): for availability around a crash. */
export type CrashPhase = 'before-crash' | 'during-crash' | 'after-crash';
export const CRASH_PHASES: readonly CrashPhase[] = ['before-crash', 'during-crash', 'after-crash'];

export class RequestResponseObserver {
  /** Each client's pending requests, by request id; replaced when the client restarts. */
  readonly pendingByClient = new Map<string, ReadonlyMap<number, unknown>>();
  private nextRequestId = 1;
  /** Quality of the balancers' failure detection, when they have a detector. */
  qos: DetectorQosTracker | null = null;
  /** Servers down now, and whether any has crashed: kept from the status feed, as asked per request. */
  private readonly serversDown = new Set<string>();
  private serverCrashedEver = false;

  constructor(
    readonly oracle: TruthOracle,
    private readonly metrics: MetricsRecorder,
    servers: readonly string[] = [],
  ) {
    const serverSet = new Set(servers);
    for (const server of servers) if (oracle.status(server) === 'down') this.serversDown.add(server);
    this.serverCrashedEver = servers.some((server) => oracle.incarnation(server) > 0);
    oracle.onStatusChange((node, status) => {
      if (serverSet.has(node)) this.noteServerStatus(node, status);
    });
  }

  private noteServerStatus(server: string, status: 'up' | 'down' | 'paused'): void {
    if (status !== 'down') {
      this.serversDown.delete(server);
      return;
    }
    this.serversDown.add(server);
    this.serverCrashedEver = true;
  }

  /** Whether any server crashed during the run (it is down now, or has restarted since). */
  serverCrashSeen(): boolean {
    return this.serversDown.size > 0 || this.serverCrashedEver;
  }

  /** While any server is down: during; after one has crashed and all are back: after; else before. */
  crashPhase(): CrashPhase {
    if (this.serversDown.size > 0) return 'during-crash';
    return this.serverCrashedEver ? 'after-crash' : 'before-crash';
  }

  newRequestId(): number {
    return this.nextRequestId++;
  }

  /** A client (re)starts: requests pending in its previous incarnation are abandoned. */
  registerClient(client: string, pending: ReadonlyMap<number, unknown>): void {
    const previous = this.pendingByClient.get(client);
    if (previous && previous.size > 0) this.metrics.count('requests.abandoned', previous.size);
    this.pendingByClient.set(client, pending);
  }

  /** Requests awaiting an answer at clients that are up (a crashed client awaits nothing). */
  outstanding(): number {
    let count = 0;
    for (const [client, pending] of this.pendingByClient) {
      if (this.oracle.status(client) !== 'down') count += pending.size;
    }
    return count;
  }

  /** Requests pending when the run ended. */
  incomplete(): number {
    let count = 0;
    for (const pending of this.pendingByClient.values()) count += pending.size;
    return count;
  }

  recordReceipt(attempt: AttemptTruth, server: string): void {
    attempt.serverIncarnation = this.oracle.incarnation(server);
  }

  recordExecution(request: RequestTruth): void {
    request.executions++;
    this.metrics.count('executions');
    if (request.executions > 1) this.metrics.count('duplicates');
  }
}
