// Pairs a recorded key-value history (read / write / cas on keys, as the replication models record
// it) into operations with their invocation and completion positions, for the replication checks.
// Positions in the history are the clock: records are in true event order, and two records at the
// same microsecond are still ordered. Pure; depends only on the recorded facts' types.

import type { RecordedOperation } from '../model/facts.js';

export interface KvOperation {
  readonly process: number | string;
  readonly f: string;
  readonly key: string;
  readonly invokeIndex: number;
  /** Position of the completion, or Infinity when it never completed. */
  readonly completeIndex: number;
  readonly invokeUs: number;
  readonly completeUs: number | null;
  readonly outcome: 'ok' | 'fail' | 'info';
  /** write: the value; cas: the new value (null for reads). */
  readonly written: unknown;
  /** read: the value read (undefined when unknown). */
  readonly read: unknown;
}

/** Operations in invocation order; operations without a key are ignored. */
export function pairKvOperations(history: readonly RecordedOperation[]): KvOperation[] {
  const open = new Map<number | string, { index: number; record: RecordedOperation }>();
  const operations: (KvOperation | null)[] = [];
  const slotOf = new Map<number | string, number>();
  history.forEach((record, index) => {
    if (record.key === undefined) return;
    if (record.type === 'invoke') {
      open.set(record.process, { index, record });
      slotOf.set(record.process, operations.length);
      operations.push(makeOperation(record, index, null, -1));
      return;
    }
    const invoked = open.get(record.process);
    if (!invoked) return;
    open.delete(record.process);
    operations[slotOf.get(record.process)!] = makeOperation(invoked.record, invoked.index, record, index);
  });
  return operations.filter((operation): operation is KvOperation => operation !== null);
}

function makeOperation(
  invoke: RecordedOperation,
  invokeIndex: number,
  completion: RecordedOperation | null,
  completeIndex: number,
): KvOperation {
  const outcome = completion === null ? 'info' : completion.type === 'invoke' ? 'info' : completion.type;
  const written = invoke.f === 'write' ? invoke.value : invoke.f === 'cas' ? (invoke.value as readonly unknown[])[1] : null;
  return {
    process: invoke.process,
    f: invoke.f,
    key: invoke.key!,
    invokeIndex,
    completeIndex: completion === null ? Infinity : completeIndex,
    invokeUs: invoke.timeUs,
    completeUs: completion === null ? null : completion.timeUs,
    outcome,
    written,
    read: invoke.f === 'read' && outcome === 'ok' ? completion!.value : undefined,
  };
}

/** Writes (and cas) that may have taken effect: acknowledged, or of unknown outcome. */
export function isEffectiveWrite(operation: KvOperation): boolean {
  if (operation.f === 'write') return operation.outcome !== 'fail';
  return operation.f === 'cas' && operation.outcome !== 'fail';
}

export function isAcknowledgedWrite(operation: KvOperation): boolean {
  return (operation.f === 'write' || operation.f === 'cas') && operation.outcome === 'ok';
}

/** Operations grouped by key, keys in order of first appearance. */
export function byKey(operations: readonly KvOperation[]): Map<string, KvOperation[]> {
  const groups = new Map<string, KvOperation[]>();
  for (const operation of operations) {
    const group = groups.get(operation.key);
    if (group) group.push(operation);
    else groups.set(operation.key, [operation]);
  }
  return groups;
}
