// The model kit: building blocks the built-in models share, public so that a user's model can use
// them too (`import { startMonitor, createKvClient, startPoissonArrivals } from 'ddsim'`).
// Everything here is written against the public model API only (../api.ts), like a user's code.
//   - failure detectors: timeout, phi accrual, health checks, with Chen-Toueg-Aguilera QoS metrics;
//   - the key-value workload: its `workload:` keys, client, ledger (ops.*, lost writes, stale reads);
//   - Poisson arrivals for open-loop workloads;
//   - the true causes of a failed request (request-response's `failures.*`).

export * from './detectors/detector-config.js';
export * from './detectors/monitor.js';
export * from './detectors/phi-accrual.js';
export * from './detectors/probe-messages.js';
export * from './detectors/qos-tracker.js';
export * from './kv/kv-client.js';
export * from './kv/kv-ledger.js';
export * from './kv/kv-messages.js';
export * from './kv/kv-workload-config.js';
export * from './kv/observer-clock.js';
export * from './kv/visibility-client.js';
export * from './failure-causes.js';
export * from './poisson-arrivals.js';
