// The key-value clients' shared bookkeeping, kept by a model's observer: operation ids, a copy of
// the history the clients record (for the stale-read, lost-write and unreadable-write metrics at
// the end, and for the observer to judge writes by), each
// client's operations in flight (the drain and final phases wait for those of clients that are
// up), and the clients' final read starters. Measurement only: nodes never read it to decide
// anything.

import type { HistoryOperation, MetricDeclaration, MetricsRecorder, TimelineSeries } from '../../api.js';
import type { RecordedOperation } from '../../facts.js';
import type { DiscardedWrite } from '../../replication-facts.js';
import { findDiscardedWrites, findUnreadableWrites, type LostWrite } from '../../../checks/lost-writes.js';
import { findStaleReads } from '../../../checks/stale-reads.js';

/** Same bound as the run's history: the copy never outgrows what checks could see. */
const LEDGER_OPERATION_COUNT_MAX = 2_000_000;

/** Drawn on the timeline: operations that failed or ended with an unknown outcome, and successes. */
export const KV_TIMELINE_SERIES: TimelineSeries = { failed: ['ops.failed', 'ops.unknown'], ok: ['ops.ok'] };

export const KV_METRIC_NAMES = [
  'ops.ok',
  'ops.failed',
  'ops.unknown',
  /** ops.ok / (ops.ok + ops.failed + ops.unknown), as request-response reports it for requests. */
  { name: 'availability', unit: 'ratio' },
  /** Compare-and-set operations answered "the value did not match" (not failures of the system). */
  'ops.cas-mismatch',
  'writes.acknowledged',
  /** Acknowledged writes the system discarded (the model's truth; see src/checks/lost-writes.ts). */
  'writes.lost',
  /** Acknowledged writes not readable at the end, and not superseded by a later write. */
  'writes.unreadable',
  'reads.ok',
  'reads.stale',
  'reads.stale-fraction',
  'writes.acknowledged-fraction',
] as const satisfies readonly MetricDeclaration[];

/** Whether a client is up (not crashed), from the truth oracle: a crashed client awaits nothing. */
export type ClientIsUp = (client: string) => boolean;

export class KvLedger {
  private nextOperationId = 1;
  /** Operations invoked and not completed, per client, in its current incarnation. */
  private readonly inFlightByClient = new Map<string, number>();
  /** Operations a crash cut short: their client restarted without them (never completed). */
  private abandoned = 0;
  /** Plain writes invoked, and acknowledged: write availability (a cas may fail by design). */
  private writesInvoked = 0;
  private writesAcknowledged = 0;
  private readonly records: RecordedOperation[] = [];
  private truncated = false;
  private readonly finalReadStarters = new Map<string, () => void>();
  finalReadsFromUs: number | null = null;

  constructor(
    private readonly nowUs: () => number,
    private readonly clientIsUp: ClientIsUp,
  ) {}

  newOperationId(): number {
    return this.nextOperationId++;
  }

  /** A client (re)starts: what its previous incarnation had in flight will never complete. */
  registerClient(client: string): void {
    this.abandoned += this.inFlightByClient.get(client) ?? 0;
    this.inFlightByClient.set(client, 0);
  }

  record(client: string, operation: HistoryOperation): void {
    const inFlight = this.inFlightByClient.get(client) ?? 0;
    this.inFlightByClient.set(client, operation.type === 'invoke' ? inFlight + 1 : inFlight - 1);
    if (operation.f === 'write' && operation.type === 'invoke') this.writesInvoked++;
    if (operation.f === 'write' && operation.type === 'ok') this.writesAcknowledged++;
    if (this.records.length >= LEDGER_OPERATION_COUNT_MAX) {
      this.truncated = true;
      return;
    }
    this.records.push({ ...operation, timeUs: this.nowUs() });
  }

  /** Operations in flight at clients that are up (paused ones included: they will resume). */
  outstanding(): number {
    let count = 0;
    for (const [client, inFlight] of this.inFlightByClient) if (this.clientIsUp(client)) count += inFlight;
    return count;
  }

  /** Every operation invoked and never completed, abandoned ones included. */
  private incomplete(): number {
    let count = this.abandoned;
    for (const inFlight of this.inFlightByClient.values()) count += inFlight;
    return count;
  }

  /** A client (re)started: its final reads run through this function (the latest incarnation's). */
  registerFinalReads(client: string, start: () => void): void {
    this.finalReadStarters.set(client, start);
  }

  startFinalReads(): void {
    this.finalReadsFromUs = this.nowUs();
    for (const start of this.finalReadStarters.values()) start();
  }

  /** The history as recorded so far, in true order; null when it hit its bound (incomplete). */
  operations(): readonly RecordedOperation[] | null {
    return this.truncated ? null : this.records;
  }

  /** The discarded writes the history shows acknowledged (null: unknown). */
  acknowledgedDiscards(discarded: readonly DiscardedWrite[] | null): LostWrite[] | null {
    return this.truncated || discarded === null ? null : findDiscardedWrites(this.records, discarded);
  }

  /**
   * Ops with an invocation but no completion yet count as unknown. `discarded`: the writes the
   * model knows it discarded (null: unknown); a model that does not say (undefined) gets the
   * unreadable writes as `writes.lost`, the approximation from the final reads.
   */
  finish(metrics: MetricsRecorder, discarded?: readonly DiscardedWrite[] | null): void {
    const incomplete = this.incomplete();
    metrics.set('ops.unknown', metrics.get('ops.unknown') + incomplete);
    const answered = metrics.get('ops.ok') + metrics.get('ops.failed') + metrics.get('ops.unknown');
    if (answered > 0) metrics.set('availability', metrics.get('ops.ok') / answered);
    if (this.writesInvoked > 0) metrics.set('writes.acknowledged-fraction', this.writesAcknowledged / this.writesInvoked);
    if (this.truncated) return;
    const { readCount, stale } = findStaleReads(this.records);
    metrics.set('reads.ok', readCount);
    metrics.set('reads.stale', stale.length);
    if (readCount > 0) metrics.set('reads.stale-fraction', stale.length / readCount);
    const unreadable = this.finalReadsFromUs === null ? null : findUnreadableWrites(this.records, this.finalReadsFromUs).length;
    if (unreadable !== null) metrics.set('writes.unreadable', unreadable);
    const lost = discarded === undefined ? unreadable : this.acknowledgedDiscards(discarded)?.length ?? null;
    if (lost !== null) metrics.set('writes.lost', lost);
  }
}
