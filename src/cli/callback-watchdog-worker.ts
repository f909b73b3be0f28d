// The watchdog thread of `ddsim run` (see callback-watchdog.ts): reads the run's heartbeat every
// HEARTBEAT_POLL_MS; when one model callback has run past limits.callback-wall while the main
// thread is inside `guard`, marks itself fired (once per guard) and sends the process SIGINT,
// which stops the running code. Wall-clock reads are this thread's whole job.

import { workerData } from 'node:worker_threads';
import { readHeartbeat } from '../sim/callback-heartbeat.js';
import { HEARTBEAT_POLL_MS, StuckCallbackDetector } from '../run/stuck-callback.js';
import { WATCHDOG_ARMED, WATCHDOG_FIRED, type WatchdogWorkerData } from './callback-watchdog.js';

const { heartbeatBuffer, controlBuffer } = workerData as WatchdogWorkerData;
const control = new Int32Array(controlBuffer);
const detector = new StuckCallbackDetector();

setInterval(() => {
  const stuck = detector.observe(readHeartbeat(heartbeatBuffer), performance.now());
  if (!stuck || Atomics.load(control, WATCHDOG_ARMED) !== 1) return;
  if (Atomics.compareExchange(control, WATCHDOG_FIRED, 0, 1) !== 0) return; // signalled already
  process.kill(process.pid, 'SIGINT');
}, HEARTBEAT_POLL_MS);
