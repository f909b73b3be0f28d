// The lock model's observer (Shared): the truth about leases, in TRUE time (oracle.nowUs()),
// which no node can know. The service reports each grant and renewal as it makes it; a lease is
// valid for one lease length of true time from then (or until the holder releases it). Clients report when they check their lease
// and when they write, storage reports what it accepted: the observer counts the checks that
// passed on an expired lease, the leases that ran out while their client worked, the grants the
// service made while the previous lease was still valid (its clock ran ahead), and the stale
// writes storage accepted (the same definition as the `no-stale-writes` check, judged live), and
// records the plain facts for that check. Measurement only: nodes never decide anything by it.

import type { MetricsRecorder, TruthOracle } from '../../model/api.js';
import type { AcceptedWrite, LeaseValidity, LockFacts } from '../../model/lock-facts.js';

/** Bounds on what is recorded for the check; beyond them the check answers "unknown". */
const LEASES_MAX = 100_000;
const STRETCHES_PER_LEASE_MAX = 10_000;
const WRITES_MAX = 200_000;

interface ObservedLease {
  readonly client: string;
  readonly token: number;
  readonly grantedUs: number;
  readonly valid: LeaseValidity[];
}

export class LockObserver {
  private readonly leases: ObservedLease[] = [];
  private readonly byToken = new Map<number, ObservedLease>();
  /** The latest grant, recorded or not: the one the service considers current. */
  private latest: ObservedLease | null = null;
  private readonly writes: AcceptedWrite[] = [];
  private truncated = false;
  /** Per client: the lease token and true time of its last passed check. */
  private readonly lastCheck = new Map<string, { readonly token: number; readonly atUs: number }>();

  constructor(
    private readonly oracle: TruthOracle,
    private readonly metrics: MetricsRecorder,
    private readonly leaseUs: number,
    private readonly service: string,
  ) {}

  /** The service granted the lock to `client` with a new `token`. */
  granted(client: string, token: number): void {
    const nowUs = this.oracle.nowUs();
    // The service broke its promise (its clock ran ahead): two clients hold valid leases at once.
    if (this.latest !== null && this.latest.client !== client && this.validAt(this.latest.token, nowUs)) this.metrics.count('lock.grants-before-expiry');
    const lease: ObservedLease = { client, token, grantedUs: nowUs, valid: [{ fromUs: nowUs, toUs: nowUs + this.leaseUs }] };
    this.latest = lease;
    if (this.leases.length >= LEASES_MAX) {
      this.truncated = true;
      return;
    }
    this.leases.push(lease);
    this.byToken.set(token, lease);
  }

  /** The service renewed the lease of `token`: valid for another lease length from now. */
  renewed(token: number): void {
    const lease = this.leaseOf(token);
    if (lease === undefined) return;
    const nowUs = this.oracle.nowUs();
    const last = lease.valid[lease.valid.length - 1]!;
    if (nowUs < last.toUs) lease.valid[lease.valid.length - 1] = { fromUs: last.fromUs, toUs: nowUs + this.leaseUs };
    else if (lease.valid.length < STRETCHES_PER_LEASE_MAX) lease.valid.push({ fromUs: nowUs, toUs: nowUs + this.leaseUs });
    else this.truncated = true;
  }

  /** The holder of `token` released the lock: its lease ends now. */
  released(token: number): void {
    const lease = this.leaseOf(token);
    if (lease === undefined) return;
    const last = lease.valid[lease.valid.length - 1]!;
    const nowUs = this.oracle.nowUs();
    if (nowUs < last.toUs) lease.valid[lease.valid.length - 1] = { fromUs: last.fromUs, toUs: nowUs };
  }

  /** `client`'s check "do I still hold the lease?" passed, for `token`. */
  checked(client: string, token: number): void {
    const atUs = this.oracle.nowUs();
    if (!this.validAt(token, atUs)) this.metrics.count('lock.checks-after-expiry');
    this.lastCheck.set(client, { token, atUs });
  }

  /** `client` sends its write with `token`, after the work that followed its last check. */
  writing(client: string, token: number): void {
    const check = this.lastCheck.get(client);
    if (check === undefined || check.token !== token) return;
    if (this.validAt(token, check.atUs) && !this.validAt(token, this.oracle.nowUs())) this.metrics.count('lock.expired-while-working');
  }

  /** Storage accepted a write from `client` with `token`. */
  writeAccepted(client: string, token: number): void {
    const acceptedUs = this.oracle.nowUs();
    if (!this.validAt(token, acceptedUs) && this.grantedToAnotherSince(client, token)) this.metrics.count('writes.stale-accepted');
    if (this.writes.length < WRITES_MAX) this.writes.push({ client, token, acceptedUs });
    else this.truncated = true;
  }

  /** The client the service considers the holder now, while its lease is valid in true time. */
  holders(): string[] {
    const latest = this.latest;
    return latest !== null && this.validAt(latest.token, this.oracle.nowUs()) ? [latest.client] : [];
  }

  /** The lock service, unless it is down. */
  services(): string[] {
    return this.oracle.status(this.service) === 'down' ? [] : [this.service];
  }

  highestToken(): number {
    return this.latest?.token ?? 0;
  }

  facts(): LockFacts {
    return { leases: this.leases, acceptedWrites: this.writes, truncated: this.truncated };
  }

  private leaseOf(token: number): ObservedLease | undefined {
    return this.latest?.token === token ? this.latest : this.byToken.get(token);
  }

  private validAt(token: number, atUs: number): boolean {
    const lease = this.leaseOf(token);
    return lease !== undefined && lease.valid.some((stretch) => stretch.fromUs <= atUs && atUs < stretch.toUs);
  }

  /** Whether the service has granted the lock, with a higher token than `token`, to a client other than `client`. */
  private grantedToAnotherSince(client: string, token: number): boolean {
    if (this.latest !== null && this.latest.token > token && this.latest.client !== client) return true;
    for (let i = this.leases.length - 1; i >= 0 && this.leases[i]!.token > token; i--) {
      if (this.leases[i]!.client !== client) return true;
    }
    return false;
  }
}
