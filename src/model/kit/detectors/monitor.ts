// A monitor: the failure detector running on one node, watching a set of targets. It probes each
// target every interval; the answers are heartbeats, fed to the configured detector (fixed
// timeout, phi accrual or health check); a refused probe is optional immediate evidence. It
// reports each change of its view (suspect / trust) to a listener. Uses only the model API: it
// knows what a real node could know, never the simulator's truth.

import type { NodeBehaviour, NodeContext, TimerHandle } from '../../api.js';
import type { DetectorConfig } from './detector-config.js';
import { PhiAccrualDetector } from './phi-accrual.js';
import { answerProbe, isProbe, isProbeReply, type ProbeMessage } from './probe-messages.js';

export interface MonitorListener {
  /** The monitor's view of `target` changed; `suspected` is the new view. */
  onViewChange(target: string, suspected: boolean): void;
}

export interface Monitor {
  /** Feeds a message to the monitor; true when it was a probe answer (consumed). */
  handleMessage(from: string, message: unknown): boolean;
  /** Feeds a refusal notice; true when it was for one of the monitor's probes. */
  handleRefused(to: string, message: unknown): boolean;
  isSuspected(target: string): boolean;
}

export interface MonitorOptions {
  readonly targets: readonly string[];
  readonly detector: DetectorConfig;
  readonly listener: MonitorListener;
  /** Probing stops here (the end of the workload); later evidence is ignored. */
  readonly stopAtUs: number;
}

interface TargetState {
  readonly name: string;
  suspected: boolean;
  nextSequence: number;
  /** Timeout and phi: fires when the target has been silent too long. */
  silenceTimer: TimerHandle | null;
  phi: PhiAccrualDetector | null;
  /** Health check: probes awaiting an answer, by sequence, with their timeout. */
  readonly openProbes: Map<number, TimerHandle>;
  consecutiveFailures: number;
  consecutiveSuccesses: number;
}

export function startMonitor(ctx: NodeContext, options: MonitorOptions): Monitor {
  const { detector, listener, stopAtUs } = options;
  const states = new Map<string, TargetState>();
  for (const name of options.targets) {
    if (name === ctx.nodeName || states.has(name)) continue;
    states.set(name, {
      name,
      suspected: false,
      nextSequence: 1,
      silenceTimer: null,
      phi: detector.kind === 'phi-accrual' ? new PhiAccrualDetector(phiSettings(detector)) : null,
      openProbes: new Map(),
      consecutiveFailures: 0,
      consecutiveSuccesses: 0,
    });
  }
  const stopped = () => ctx.monotonicUs() >= stopAtUs;

  const setView = (state: TargetState, suspected: boolean): void => {
    if (state.suspected === suspected || stopped()) return;
    state.suspected = suspected;
    listener.onViewChange(state.name, suspected);
  };

  /** Timeout and phi: (re)arms the silence timer after a heartbeat (or at start). */
  const armSilenceTimer = (state: TargetState): void => {
    if (state.silenceTimer) ctx.cancelTimer(state.silenceTimer);
    const delayUs =
      detector.kind === 'timeout' ? detector.timeoutUs : state.phi!.suspicionDelayMs()! * 1000;
    state.silenceTimer = ctx.setTimer(delayUs, () => {
      state.silenceTimer = null;
      setView(state, true);
    });
  };

  const heartbeat = (state: TargetState): void => {
    if (detector.kind === 'phi-accrual') state.phi!.heartbeat(ctx.monotonicUs() / 1000);
    armSilenceTimer(state);
    setView(state, false);
  };

  const probeAnswered = (state: TargetState, sequence: number): void => {
    if (detector.kind !== 'health-check') return heartbeat(state);
    const timer = state.openProbes.get(sequence);
    if (!timer) return; // answered after its timeout: that probe already failed
    ctx.cancelTimer(timer);
    state.openProbes.delete(sequence);
    state.consecutiveFailures = 0;
    state.consecutiveSuccesses++;
    if (state.suspected && state.consecutiveSuccesses >= detector.healthyAfter) setView(state, false);
  };

  const probeFailed = (state: TargetState): void => {
    if (detector.kind !== 'health-check') return;
    state.consecutiveSuccesses = 0;
    state.consecutiveFailures++;
    if (!state.suspected && state.consecutiveFailures >= detector.unhealthyAfter) setView(state, true);
  };

  const probe = (state: TargetState): void => {
    const sequence = state.nextSequence++;
    const message: ProbeMessage = { kind: 'ddsim.probe', sequence };
    ctx.send(state.name, message);
    if (detector.kind !== 'health-check') return;
    state.openProbes.set(
      sequence,
      ctx.setTimer(detector.timeoutUs, () => {
        state.openProbes.delete(sequence);
        probeFailed(state);
      }),
    );
  };

  const tick = (): void => {
    if (stopped()) return;
    for (const state of states.values()) probe(state);
    ctx.setTimer(detector.intervalUs, tick);
  };

  // Monitoring starts now, as if a heartbeat had just arrived (Akka starts the detector when
  // the first answer is due even if none came: a target dead from the start is still found).
  if (detector.kind !== 'health-check') for (const state of states.values()) heartbeat(state);
  // A random phase, so that monitors started together do not probe in lockstep.
  ctx.setTimer(ctx.stream('detector').next() * detector.intervalUs, tick);

  return {
    handleMessage(from, message) {
      if (!isProbeReply(message)) return false;
      const state = states.get(from);
      if (state && !stopped()) probeAnswered(state, message.sequence);
      return true;
    },
    handleRefused(to, message) {
      if (!isProbe(message)) return false;
      const state = states.get(to);
      if (!state || stopped()) return true;
      if (detector.kind === 'health-check') {
        const timer = state.openProbes.get(message.sequence);
        if (timer) {
          ctx.cancelTimer(timer);
          state.openProbes.delete(message.sequence);
          probeFailed(state);
        }
      }
      if (detector.suspectOnRefused) setView(state, true);
      return true;
    },
    isSuspected(target) {
      return states.get(target)?.suspected ?? false;
    },
  };
}

/** A behaviour that only monitors (and answers probes), for models that need nothing else. */
export function monitorBehaviour(ctx: NodeContext, monitor: Monitor | null): NodeBehaviour {
  return {
    onMessage(from, message) {
      if (answerProbe(ctx, from, message)) return;
      monitor?.handleMessage(from, message);
    },
    onRefused(to, message) {
      monitor?.handleRefused(to, message);
    },
  };
}

function phiSettings(config: Extract<DetectorConfig, { kind: 'phi-accrual' }>) {
  return {
    threshold: config.threshold,
    maxSampleSize: config.maxSampleSize,
    minStdDeviationMs: config.minStdDeviationUs / 1000,
    acceptableHeartbeatPauseMs: config.acceptablePauseUs / 1000,
    firstHeartbeatEstimateMs: config.intervalUs / 1000,
  };
}
