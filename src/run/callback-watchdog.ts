// A run simulates on one thread (`ddsim run`'s main thread, a sweep or explore worker), where a
// model callback that never returns (`while (true) {}`) would hang it for ever: JavaScript cannot
// interrupt itself. So every piece of a run that calls model code runs through `guard`, inside node:vm with a `timeout` of
// limits.callback-wall: V8 terminates code still running then (no catch or finally in it runs)
// and `guard` throws CallbackStuck with what the run's heartbeat says was running. Runs advance
// in slices kept to about SLICE_TARGET_MS of wall time (`advance` adapts the event count), so a
// slice that outlives the limit — a hundred times its target — means a callback that does not
// return, not a model that is merely slow.
//
// Why not breakOnSigint with a watchdog thread sending SIGINT: Node's SIGINT watchdog starts and
// stops a thread around every vm call, and a Ctrl-C landing in that hand-over is lost or kills
// the process by the signal; with a timeout, SIGINT keeps its ordinary JavaScript listeners
// (src/cli/interrupt.ts), seen between slices. The price: Ctrl-C during a callback that never
// returns waits for limits.callback-wall. Workers need no thread watching them either: their own
// runs stop themselves, and the pool records the error outcome like any other.

import { BoundExceeded, callBounded } from '../kernel/bounded-call.js';
import { CallbackHeartbeat, type HeartbeatSnapshot } from '../sim/callback-heartbeat.js';
import { CALLBACK_WALL_DEFAULT_US } from '../scenario/scenario-keys.js';
import type { Scenario } from '../scenario/types.js';
import { ScenarioRun } from './run-scenario.js';

/** A callback ran past limits.callback-wall and was stopped; `snapshot` says which. */
export class CallbackStuck extends Error {
  constructor(readonly snapshot: HeartbeatSnapshot) {
    super('a model callback ran past limits.callback-wall');
    this.name = 'CallbackStuck';
  }
}

/** Wall time one slice of a run aims at (a spinner turns and Ctrl-C is seen between slices). */
const SLICE_TARGET_MS = 100;
const SLICE_EVENT_COUNT_MIN = 1_000;
const SLICE_EVENT_COUNT_MAX = 250_000;

interface Advancing {
  advance(eventCount: number): boolean;
}

export class CallbackWatchdog {
  /** Give it to the ScenarioRun: it says which model code runs, for the message. */
  readonly heartbeat = new CallbackHeartbeat();
  private sliceEventCount = 20_000;
  private limitMs = CALLBACK_WALL_DEFAULT_US / 1000;

  /** The next runs' limits.callback-wall (set before a scenario's run is built). */
  watch(callbackWallUs: number | undefined): void {
    this.limitMs = limitMsOf({ limits: { callbackWallUs } });
  }

  /** Runs `work` (model code inside) so that it is stopped once it outlives limits.callback-wall. */
  guard<T>(work: () => T): T {
    const realRandom = Math.random;
    const realNow = Date.now;
    try {
      return callBounded(work, { wallMs: this.limitMs });
    } catch (error) {
      if (!(error instanceof BoundExceeded)) throw error;
      // Terminated code ran no finally blocks: the determinism traps are still set.
      Math.random = realRandom;
      Date.now = realNow;
      const snapshot = this.heartbeat.snapshot();
      this.heartbeat.leave();
      throw new CallbackStuck({ ...snapshot, wallLimitMs: this.limitMs });
    }
  }

  /** One guarded slice of `run`, its event count adapted to last about SLICE_TARGET_MS; true when the run is done. */
  advance(run: Advancing): boolean {
    const startedMs = performance.now(); // wall-clock ok: slices are sized by wall time, never simulated
    const done = this.guard(() => run.advance(this.sliceEventCount));
    const elapsedMs = performance.now() - startedMs; // wall-clock ok
    if (elapsedMs > 2 * SLICE_TARGET_MS) this.sliceEventCount = Math.max(SLICE_EVENT_COUNT_MIN, Math.floor(this.sliceEventCount / 2));
    else if (elapsedMs < SLICE_TARGET_MS / 2) this.sliceEventCount = Math.min(SLICE_EVENT_COUNT_MAX, this.sliceEventCount * 2);
    return done;
  }

  /** Builds and runs `scenario` to its result, every piece guarded; throws CallbackStuck for a hung callback. */
  runToEnd(scenario: Scenario): ScenarioRun {
    let ended: { readonly run: ScenarioRun } | { readonly error: unknown } | null = null;
    this.runEach(
      [scenario],
      (_index, run) => (ended = { run }),
      (_index, error) => (ended = { error }),
    );
    const outcome = ended!;
    if ('error' in outcome) throw outcome.error;
    return outcome.run;
  }

  /**
   * Runs `scenarios` to their ends, in order, every piece guarded, short runs several to one
   * guarded call (building, the first slice and the result of each): a node:vm call with a
   * timeout slows the run it guards by more than a tiny run's building and result cost
   * (0.15-0.35 ms, against 0.06 ms for an empty call: measured), so a sweep of tiny runs paid it
   * on every run. A guarded call takes further runs while it has lasted less than a
   * slice's target (and a tenth of the limit), so the limit still means a callback that does not
   * return. A run that is not done after its first slice finishes in guarded slices of its own.
   * `finished` gets each run with its result computed; `failed` each run that threw, or whose
   * callback was stopped (CallbackStuck); the runs after it go on.
   */
  runEach(
    scenarios: readonly Scenario[],
    finished: (index: number, run: ScenarioRun) => void,
    failed: (index: number, error: unknown) => void,
  ): void {
    let next = 0;
    while (next < scenarios.length) {
      this.watch(scenarios[next]!.limits.callbackWallUs);
      const limitMs = this.limitMs;
      const groupMs = Math.min(SLICE_TARGET_MS, limitMs / 10);
      let current = next;
      let reportedThrough = next - 1; // runs up to this one are reported: a late stop cannot fail them again
      const unfinished: { run: ScenarioRun | null } = { run: null };
      try {
        this.guard(() => {
          const startedMs = performance.now(); // wall-clock ok: groups are sized by wall time, never simulated
          while (next < scenarios.length && limitMsOf(scenarios[next]!) === limitMs && performance.now() - startedMs < groupMs) { // wall-clock ok
            current = next++;
            let run: ScenarioRun;
            try {
              run = new ScenarioRun(scenarios[current]!, { heartbeat: this.heartbeat });
              if (!run.advance(this.sliceEventCount)) {
                unfinished.run = run;
                return;
              }
              run.result();
            } catch (error) {
              this.heartbeat.leave(); // a model that threw left its callback marked as running
              reportedThrough = current;
              failed(current, error);
              continue;
            }
            reportedThrough = current;
            finished(current, run);
          }
        });
        const started = unfinished.run;
        if (started !== null) {
          while (!this.advance(started));
          this.guard(() => started.result());
          reportedThrough = current;
          finished(current, started);
        }
      } catch (error) {
        this.heartbeat.leave();
        if (current > reportedThrough) failed(current, error);
        else throw error; // thrown by `finished` or `failed` themselves, not by a run
      }
    }
  }

  /** Nothing to release (kept so callers need not know how the watchdog works). */
  stop(): void {}
}

/** A scenario's limits.callback-wall in whole milliseconds, as the watchdog applies it. */
function limitMsOf(scenario: { readonly limits: { readonly callbackWallUs?: number | undefined } }): number {
  return Math.max(1, Math.round((scenario.limits.callbackWallUs ?? CALLBACK_WALL_DEFAULT_US) / 1000));
}
