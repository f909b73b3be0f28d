// The messages between key-value clients and the servers (or coordinators) that answer them.
// Shared by the leader-follower and leaderless models; plain data, no behaviour.

/** Values are unique integers (see kv-values.ts); null is the initial value of every key. */
export type KvValue = number | null;

export type KvOperationName = 'read' | 'write' | 'cas';

export interface KvRequest {
  readonly kind: 'kv.request';
  readonly requestId: number;
  readonly f: KvOperationName;
  readonly key: string;
  /** write: the value; cas: the new value. */
  readonly value?: number;
  /** cas: the value expected. */
  readonly expected?: KvValue;
  /**
   * write, from a client that stamps its writes (KvClientOptions.timestampWrites): its
   * time-of-day clock when the operation was invoked, in microseconds; a retry keeps it.
   */
  readonly timestampUs?: number;
}

/**
 * - ok: done (a read's `value` is what it read).
 * - mismatch: a cas whose compare failed (it happened, and changed nothing).
 * - not-leader: this server does not take writes; `leader` is its guess, when it has one.
 * - unavailable: certainly not done (e.g. too few replicas reachable).
 */
export type KvOutcome = 'ok' | 'mismatch' | 'not-leader' | 'unavailable';

export interface KvResponse {
  readonly kind: 'kv.response';
  readonly requestId: number;
  readonly outcome: KvOutcome;
  readonly value?: KvValue;
  readonly leader?: string | null;
}

export function isKvRequest(message: unknown): message is KvRequest {
  return (message as { kind?: unknown } | null)?.kind === 'kv.request';
}

export function isKvResponse(message: unknown): message is KvResponse {
  return (message as { kind?: unknown } | null)?.kind === 'kv.response';
}
