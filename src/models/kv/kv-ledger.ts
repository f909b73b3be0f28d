// The key-value clients' shared bookkeeping, kept by a model's observer: operation ids, a copy of
// the history the clients record (for the stale-read and lost-write metrics at the end), the
// count of operations in flight (the drain and final phases wait for it), and the clients' final
// read starters. Measurement only: nodes never read it to decide anything.

import type { HistoryOperation, MetricsRecorder } from '../../model/api.js';
import type { RecordedOperation } from '../../checks/recorded-facts.js';
import { findLostWrites } from '../../checks/lost-writes.js';
import { findStaleReads } from '../../checks/stale-reads.js';

/** Same bound as the run's history: the copy never outgrows what checks could see. */
const LEDGER_OPERATION_COUNT_MAX = 2_000_000;

export const KV_METRIC_NAMES = [
  'ops.ok',
  'ops.failed',
  'ops.unknown',
  'writes.acknowledged',
  'writes.lost',
  'reads.ok',
  'reads.stale',
  'reads.stale-fraction',
] as const;

export class KvLedger {
  private nextOperationId = 1;
  private inFlight = 0;
  private readonly records: RecordedOperation[] = [];
  private truncated = false;
  private readonly finalReadStarters = new Map<string, () => void>();
  finalReadsFromUs: number | null = null;

  constructor(private readonly nowUs: () => number) {}

  newOperationId(): number {
    return this.nextOperationId++;
  }

  record(operation: HistoryOperation): void {
    if (operation.type === 'invoke') this.inFlight++;
    else this.inFlight--;
    if (this.records.length >= LEDGER_OPERATION_COUNT_MAX) {
      this.truncated = true;
      return;
    }
    this.records.push({ ...operation, timeUs: this.nowUs() });
  }

  outstanding(): number {
    return this.inFlight;
  }

  /** A client (re)started: its final reads run through this function (the latest incarnation's). */
  registerFinalReads(client: string, start: () => void): void {
    this.finalReadStarters.set(client, start);
  }

  startFinalReads(): void {
    this.finalReadsFromUs = this.nowUs();
    for (const start of this.finalReadStarters.values()) start();
  }

  /** Ops with an invocation but no completion yet count as unknown. */
  finish(metrics: MetricsRecorder): void {
    metrics.set('ops.unknown', metrics.get('ops.unknown') + Math.max(0, this.inFlight));
    if (this.truncated) return;
    const { readCount, stale } = findStaleReads(this.records);
    metrics.set('reads.ok', readCount);
    metrics.set('reads.stale', stale.length);
    if (readCount > 0) metrics.set('reads.stale-fraction', stale.length / readCount);
    if (this.finalReadsFromUs !== null) metrics.set('writes.lost', findLostWrites(this.records, this.finalReadsFromUs).length);
  }
}
