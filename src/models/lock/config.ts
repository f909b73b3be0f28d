// Configuration of the lock model, read from `system:` (the model has no workload: its clients
// loop on their own). Defaults are documented beside each field; every mistake is located.

import { aliasedKey } from '../../model/config-aliases.js';
import type { ConfigReader } from '../../model/config-reader.js';
import type { ModelSections } from '../../model/api.js';
import type { DistributionSpec } from '../../model/distribution.js';

/** Which of its clocks a node reads a lease with (see lease-clock.ts). */
export type LeaseClockKind = 'monotonic' | 'time-of-day';

export const LEASE_CLOCK_KINDS: readonly LeaseClockKind[] = ['monotonic', 'time-of-day'];

export interface LockConfig {
  /** The node running the lock service. */
  readonly service: string;
  /** The node clients write to. */
  readonly storage: string;
  /** The nodes that compete for the lock, in the order given. */
  readonly clients: readonly string[];
  /** How long a grant or a renewal lasts on the service's clock (`lease`, default 10s). */
  readonly leaseUs: number;
  /** Time a client spends between checking its lease and writing (`work`, default constant 1s). */
  readonly work: DistributionSpec;
  /** Storage rejects a write whose token is below the highest it has seen (`fencing`, default false). */
  readonly fencing: boolean;
  /** Which clock the service and the clients measure leases with (`lease-clock`, default monotonic). */
  readonly leaseClock: LeaseClockKind;
  /** A holder renews once less than this is left of its lease, on its clock (`renew-before`, default half the lease). */
  readonly renewBeforeUs: number;
  /** A client that was refused the lock (or got no answer) asks again after this (`retry`, default 1s). */
  readonly retryUs: number;
  /** A client gives up waiting for an answer to a request after this (`timeout`, default 1s). */
  readonly timeoutUs: number;
  /**
   * A holder releases the lock once it has held it this long, on its monotonic clock, then waits
   * `retry` and competes again (`release-after`, default null: it keeps the lock while it can).
   */
  readonly releaseAfterUs: number | null;
}

const SECOND_US = 1_000_000;

export function parseLockConfig({ system, workload }: ModelSections): LockConfig {
  if (workload) workload.error(null, 'the lock model has no workload: its clients loop on their own', 'remove the `workload:` section');
  const nodes = parseLockNodes(system);
  const leaseUs = system.duration('lease', { default: 10 * SECOND_US, min: 1, description: 'how long a grant or renewal lasts, on the service clock' });
  const work = system.distribution('work', { default: { kind: 'constant', valueUs: SECOND_US }, description: 'time a client spends between checking its lease and writing' });
  const fencing = system.boolean('fencing', { default: false, description: 'storage rejects a write whose token is below the highest it has seen' });
  const leaseClock = system.string('lease-clock', { default: 'monotonic', oneOf: LEASE_CLOCK_KINDS, description: 'which clock the service and clients measure leases with' }) as LeaseClockKind;
  const renewBeforeUs = system.duration('renew-before', { default: Math.floor(leaseUs / 2), min: 0, description: 'a holder renews once less than this is left of its lease (default: half the lease)' });
  // Only a renew-before given beside a valid lease can be wrong (no second error after a bad lease).
  if (system.has('renew-before') && leaseUs > 0 && renewBeforeUs >= leaseUs) system.error('renew-before', 'must be shorter than the lease', 'e.g. half the lease');
  const retryUs = system.duration(aliasedKey(system, 'retry', ['retry-interval']), { default: SECOND_US, min: 1, description: 'a refused (or unanswered) client asks again after this' });
  const timeoutUs = system.duration(aliasedKey(system, 'timeout', ['request-timeout']), { default: SECOND_US, min: 1, description: 'a client gives up waiting for an answer after this' });
  const releaseAfterUs = system.durationOrNull('release-after', { description: 'a holder releases the lock after holding it this long (default: it keeps it)' });
  return { ...nodes, leaseUs, work, fencing, leaseClock, renewBeforeUs, retryUs, timeoutUs, releaseAfterUs };
}

/** The service, the storage node and the clients: existing nodes, each in one part only. */
function parseLockNodes(system: ConfigReader): Pick<LockConfig, 'service' | 'storage' | 'clients'> {
  const service = system.nodeName(aliasedKey(system, 'service', ['lock-service']), { description: 'the node running the lock service' });
  const storage = system.nodeName('storage', { description: 'the node clients write to' });
  const clients = system.nodeNames('clients', { description: 'the nodes that compete for the lock' });
  if (service !== '' && clients.includes(service)) {
    system.error('clients', `node "${service}" runs the lock service: it cannot also be a client`);
  }
  const hint = 'name a node that is neither a client nor the service';
  if (storage !== '' && storage === service) system.error('storage', `node "${storage}" runs the lock service: storage must be another node`, hint);
  else if (storage !== '' && clients.includes(storage)) system.error('storage', `node "${storage}" is a client: storage must be another node`, hint);
  return { service, storage, clients };
}
