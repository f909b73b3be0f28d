// `ddsim run` simulates on the main thread, where a model callback that never returns
// (`while (true) {}`) would hang it for ever: JavaScript cannot interrupt itself. So every piece
// of a run that calls model code runs through `guard`, inside node:vm with breakOnSigint (Node's
// own way to stop a runaway script on Ctrl-C, the REPL's), while a small watchdog thread
// (callback-watchdog-worker.ts) reads the run's heartbeat. When one callback has run past
// limits.callback-wall, the watchdog marks itself fired and sends this process SIGINT: V8
// terminates the running code (no catch or finally in it runs) and `guard` throws CallbackStuck
// with what was running. A Ctrl-C typed meanwhile stops it the same way: InterruptedError.
// Outside `guard` the watchdog never signals; the one race left (the callback returns in the
// microseconds between the watchdog's last look and its signal) would read as a Ctrl-C.

import { Worker } from 'node:worker_threads';
import { CallbackHeartbeat, HEARTBEAT_BYTES, readHeartbeat, type HeartbeatSnapshot } from '../sim/callback-heartbeat.js';
import { InterruptedError } from './errors.js';
import { stoppableBySigint } from './interrupt.js';

/** Int32 slots of the control buffer shared with the watchdog thread. */
export const WATCHDOG_ARMED = 0;
export const WATCHDOG_FIRED = 1;
const CONTROL_SLOT_COUNT = 2;

export interface WatchdogWorkerData {
  readonly heartbeatBuffer: SharedArrayBuffer;
  readonly controlBuffer: SharedArrayBuffer;
}

/** A callback ran past limits.callback-wall and was stopped; `snapshot` says which. */
export class CallbackStuck extends Error {
  constructor(readonly snapshot: HeartbeatSnapshot) {
    super('a model callback ran past limits.callback-wall');
    this.name = 'CallbackStuck';
  }
}

export class CallbackWatchdog {
  /** Give it to the ScenarioRun: the watchdog reads it. */
  readonly heartbeat: CallbackHeartbeat;
  private readonly control: Int32Array;
  private readonly worker: Worker;

  constructor() {
    const data: WatchdogWorkerData = {
      heartbeatBuffer: new SharedArrayBuffer(HEARTBEAT_BYTES),
      controlBuffer: new SharedArrayBuffer(CONTROL_SLOT_COUNT * 4),
    };
    this.heartbeat = new CallbackHeartbeat(data.heartbeatBuffer);
    this.control = new Int32Array(data.controlBuffer);
    this.worker = new Worker(workerUrl(), { workerData: data });
    this.worker.unref(); // never keeps the process alive
    this.worker.on('error', () => {}); // a watchdog that could not start: runs go on unwatched
  }

  /** Runs `work` (model code inside) so that the watchdog, or Ctrl-C, can stop it. */
  guard<T>(work: () => T): T {
    const realRandom = Math.random;
    const realNow = Date.now;
    Atomics.store(this.control, WATCHDOG_FIRED, 0);
    Atomics.store(this.control, WATCHDOG_ARMED, 1);
    try {
      return stoppableBySigint(work);
    } catch (error) {
      if (!(error instanceof InterruptedError)) throw error;
      // Terminated code ran no finally blocks: the determinism traps are still set.
      Math.random = realRandom;
      Date.now = realNow;
      this.heartbeat.nameRunningCallback();
      const snapshot = readHeartbeat(this.heartbeat.buffer);
      this.heartbeat.leave();
      if (Atomics.load(this.control, WATCHDOG_FIRED) === 1) throw new CallbackStuck(snapshot);
      throw error;
    } finally {
      Atomics.store(this.control, WATCHDOG_ARMED, 0);
    }
  }

  /** Ends the watchdog thread without waiting for it (it may still be starting up). */
  stop(): void {
    void this.worker.terminate();
  }
}

function workerUrl(): URL {
  const here = import.meta.url;
  return here.endsWith('.ts') ? new URL('./callback-watchdog-worker-tsx.mjs', here) : new URL('./callback-watchdog-worker.js', here);
}
