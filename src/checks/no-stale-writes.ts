// The `no-stale-writes` expectation (DDIA Figure 8-4): the storage node never accepts a write
// from a client whose lease had run out in true time after the lock went to another client. A
// write is stale when, at the true time storage accepted it, its token's lease was not valid
// and the service had since granted the lock, with a higher token, to another client. Whether
// the client believed it still held the lease (a pause, a clock that jumped) does not matter:
// the truth does. Fencing (Figure 8-5) prevents them. Pure.

import type { Check, CheckOutcome } from './check.js';
import { lockFacts, type AcceptedWrite, type LeaseRecord } from '../model/lock-facts.js';

/** Stale writes kept in the witness: enough to read, few enough to print. */
const WITNESS_WRITES_MAX = 20;

export interface StaleWrite {
  readonly write: AcceptedWrite;
  /** The end of the last stretch of validity of the write's lease before the write (true time). */
  readonly leaseExpiredUs: number;
  /** The latest grant to another client, with a higher token, made before the write. */
  readonly holder: LeaseRecord;
}

export function findStaleWrites(leases: readonly LeaseRecord[], writes: readonly AcceptedWrite[]): StaleWrite[] {
  const byToken = new Map(leases.map((lease) => [lease.token, lease]));
  const found: StaleWrite[] = [];
  for (const write of writes) {
    const lease = byToken.get(write.token);
    if (lease === undefined) continue;
    const leaseExpiredUs = expiredBefore(lease, write.acceptedUs);
    if (leaseExpiredUs === null) continue;
    const holder = laterGrantToAnother(leases, write);
    if (holder !== null) found.push({ write, leaseExpiredUs, holder });
  }
  return found;
}

/** When the lease last ran out before `atUs`; null while it is valid at `atUs` (or not yet granted). */
function expiredBefore(lease: LeaseRecord, atUs: number): number | null {
  let expiredUs: number | null = null;
  for (const stretch of lease.valid) {
    if (stretch.fromUs <= atUs && atUs < stretch.toUs) return null;
    if (stretch.toUs <= atUs) expiredUs = stretch.toUs;
  }
  return expiredUs;
}

/** The latest lease granted by `write.acceptedUs` to another client with a higher token, or null. */
function laterGrantToAnother(leases: readonly LeaseRecord[], write: AcceptedWrite): LeaseRecord | null {
  for (let i = lastGrantedBy(leases, write.acceptedUs); i >= 0 && leases[i]!.token > write.token; i--) {
    if (leases[i]!.client !== write.client) return leases[i]!;
  }
  return null;
}

/** Index of the last lease granted at or before `atUs` (leases are in grant order), or -1. */
function lastGrantedBy(leases: readonly LeaseRecord[], atUs: number): number {
  let low = 0;
  let high = leases.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (leases[middle]!.grantedUs <= atUs) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

export const noStaleWritesCheck: Check = (facts): CheckOutcome => {
  const { leases, acceptedWrites, truncated } = lockFacts(facts);
  if (leases === undefined || acceptedWrites === undefined) return { ok: false, observed: 'unknown (the model records no leases)' };
  const stale = findStaleWrites(leases, acceptedWrites);
  if (stale.length === 0) {
    return truncated ? { ok: false, observed: 'unknown (lease or write record truncated)' } : { ok: true, observed: '0 stale writes' };
  }
  return { ok: false, observed: `${stale.length} stale ${stale.length === 1 ? 'write' : 'writes'} accepted`, marks: staleMarks(stale), witness: staleWitness(stale) };
};

const ms = (us: number): number => us / 1000;
const seconds = (us: number): string => `${(us / 1e6).toFixed(3)}s`;

function describeStale(stale: StaleWrite) {
  return {
    client: stale.write.client,
    token: stale.write.token,
    leaseExpiredMs: ms(stale.leaseExpiredUs),
    writeAcceptedMs: ms(stale.write.acceptedUs),
    holder: { client: stale.holder.client, token: stale.holder.token, grantedMs: ms(stale.holder.grantedUs) },
  };
}

function staleWitness(stale: readonly StaleWrite[]) {
  const first = stale[0]!;
  return {
    explanation:
      `storage accepted a write from ${first.write.client} with token ${first.write.token} at ${seconds(first.write.acceptedUs)}, ` +
      `${seconds(first.write.acceptedUs - first.leaseExpiredUs)} after its lease expired (at ${seconds(first.leaseExpiredUs)}); ` +
      `by then ${first.holder.client} held the lock with token ${first.holder.token} (granted at ${seconds(first.holder.grantedUs)})`,
    ...describeStale(first),
    staleWriteCount: stale.length,
    staleWrites: stale.slice(0, WITNESS_WRITES_MAX).map(describeStale),
  };
}

function staleMarks(stale: readonly StaleWrite[]) {
  return stale.slice(0, 4).map((each) => ({
    atMs: ms(each.write.acceptedUs),
    label: `${each.write.client} writes with expired token ${each.write.token}; ${each.holder.client} holds token ${each.holder.token}`,
  }));
}
