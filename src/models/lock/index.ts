// The built-in `lock` model: "the leader and the lock" (DDIA ch. 8, Figures 8-4 and 8-5). A lock
// service grants leases with a fencing token that increases with every grant and survives
// crashes; clients acquire the lock, check their lease on their own clock (monotonic or
// time-of-day), work, write to a storage node with their token and renew; storage may fence off
// tokens below the highest it has seen. The observer judges leases in true time, so that the
// `no-stale-writes` check can say when a client wrote after its lease had passed to another.
// Uses only the public model API.

import type { SystemModel } from '../../model/api.js';
import { createLockClient } from './client.js';
import { parseLockConfig, type LockConfig } from './config.js';
import type { LockDurable, LockMessage } from './messages.js';
import { LockObserver } from './observer.js';
import { createLockService } from './service.js';
import { createStorage } from './storage.js';

export const lockModel: SystemModel<LockConfig, LockObserver, LockMessage, LockDurable> = {
  name: 'lock',
  description:
    'A lock service with leases and fencing tokens, clients that check their lease, work and write, and storage that may fence stale tokens. ' +
    'Keys: service, storage, clients, lease (10s), work (1s), fencing (false), lease-clock (monotonic | time-of-day), ' +
    'renew-before (half the lease), retry (1s), timeout (1s), release-after (never).',

  metricNames: () => [
    { name: 'lock.grants', unit: 'count' },
    { name: 'lock.renewals', unit: 'count' },
    { name: 'lock.refusals', unit: 'count' },
    { name: 'lock.releases', unit: 'count' },
    { name: 'lock.token-max', unit: 'count' },
    { name: 'lock.grants-before-expiry', unit: 'count' },
    { name: 'lock.checks-after-expiry', unit: 'count' },
    { name: 'lock.expired-while-working', unit: 'count' },
    { name: 'writes.accepted', unit: 'count' },
    { name: 'writes.stale-accepted', unit: 'count' },
    { name: 'writes.stale-rejected', unit: 'count' },
  ],

  // The failure row shows stale writes, accepted (harm done) or rejected by fencing.
  timelineSeries: () => ({ failed: ['writes.stale-accepted', 'writes.stale-rejected'], ok: ['writes.accepted'] }),

  roleNames: ['lock-holder', 'lock-service'],

  // `{ pause: { role: lock-holder } }` hits the client whose lease is valid when the fault fires.
  roles: (observer) => ({ 'lock-holder': observer.holders(), 'lock-service': observer.services() }),

  checkNames: () => ['no-stale-writes'],

  parseConfig: parseLockConfig,

  createShared: (config, setup) => new LockObserver(setup.oracle, setup.metrics, config.leaseUs, config.service),

  createNode(ctx, config, observer) {
    if (ctx.nodeName === config.service) return createLockService(ctx, config, observer);
    if (ctx.nodeName === config.storage) return createStorage(ctx, config, observer);
    if (config.clients.includes(ctx.nodeName)) return createLockClient(ctx, config, observer);
    return null;
  },

  finish(observer, metrics) {
    metrics.set('lock.token-max', observer.highestToken());
  },

  recordedFacts: (observer) => observer.facts(),
};
