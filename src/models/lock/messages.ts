// Messages of the lock model: clients ask the lock service for the lock (and to renew it) and
// write to the storage node with their fencing token. Every request carries an id its answer
// echoes, so that a client can tell a late answer (after a timeout, a pause) from the current one.

export type LockMessage =
  | { readonly kind: 'lock.acquire'; readonly requestId: number }
  | { readonly kind: 'lock.renew'; readonly requestId: number; readonly token: number }
  /** The holder gives the lock back (no answer: a lost release only means the lease runs out). */
  | { readonly kind: 'lock.release'; readonly token: number }
  /**
   * A grant or a renewal. `leaseUs`: the lease length (a monotonic client counts it from when it
   * sent the request); `expiresAtUs`: the expiry on the service's time-of-day clock (what a
   * time-of-day client compares its own time-of-day clock with).
   */
  | { readonly kind: 'lock.granted'; readonly requestId: number; readonly token: number; readonly leaseUs: number; readonly expiresAtUs: number }
  /** The lock is held by someone else, the service is in its restart grace period, or the renewed lease is gone. */
  | { readonly kind: 'lock.refused'; readonly requestId: number }
  | { readonly kind: 'storage.write'; readonly requestId: number; readonly token: number }
  | { readonly kind: 'storage.accepted'; readonly requestId: number }
  /** Fencing: the token is below the highest the storage node has seen. */
  | { readonly kind: 'storage.rejected'; readonly requestId: number; readonly highestToken: number };

export type LockGrant = Extract<LockMessage, { kind: 'lock.granted' }>;

/** What survives a crash, per node kind: the service's last token, storage's highest seen, a client's next request id. */
// A type, not an interface: the model registry holds SystemModel<..., Record<string, unknown>>.
export type LockDurable = {
  token: number;
  highestToken: number;
  nextRequestId: number;
};
