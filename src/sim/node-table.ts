// Every node of a run: its true status (up, down, paused), its incarnation (bumped by each crash,
// which invalidates its timers), the behaviour object the model created for it, and what waits
// for it while it is paused. Delivers messages, refusal notices and timers to behaviours.

import type { CapturedNodeStatus, EventCapture } from '../capture/event-capture.js';
import type { Kernel } from '../kernel/kernel.js';
import type { CallbackHeartbeat } from './callback-heartbeat.js';
import type { ClockTable } from './clock-table.js';
import type { NodeBehaviour } from '../model/api.js';
import type { Envelope } from '../network/envelope.js';
import type { Network, NodeReceiver } from '../network/network.js';
import {
  NODE_DOWN_REFUSING,
  NODE_DOWN_SILENT,
  NODE_PAUSED,
  NODE_UP,
  type NodeStatus,
} from './node-status.js';

export class Timer {
  cancelled = false;
  constructor(
    readonly nodeIndex: number,
    readonly incarnation: number,
    readonly callback: () => void,
    /** Order of creation, for rescheduling in a fixed order. */
    readonly id: number,
    /** When it falls due on the node's monotonic clock (exact, not rounded). */
    readonly deadlineMonotonicUs: number,
    /** The true time of the event that fires it; an event at another time is stale (rescheduled). */
    public dueUs: number,
  ) {}
}

const CAPTURED_STATUS: Readonly<Record<NodeStatus, CapturedNodeStatus>> = {
  [NODE_UP]: 'up',
  [NODE_DOWN_REFUSING]: 'down-refusing',
  [NODE_DOWN_SILENT]: 'down-silent',
  [NODE_PAUSED]: 'paused',
};

type HeldItem = { readonly envelope: Envelope; readonly refusal: boolean } | Timer;

export interface NodeStatusObserver {
  onStatusChange(nodeIndex: number, status: NodeStatus): void;
}

export class NodeTable implements NodeReceiver {
  readonly status: Uint8Array;
  readonly incarnation: Int32Array;
  readonly slowFactor: Float64Array;
  readonly behaviours: (NodeBehaviour | null)[];
  /**
   * The node whose code (createNode, onMessage, onRefused, a timer) is running, or -1: when model
   * code throws, it is still set, so the error can name the node.
   */
  activeNode = -1;
  private readonly held: HeldItem[][];
  private readonly timerKind: number;
  private timerCount = 0;
  /** Set when the run captures its events (src/capture/); null otherwise, and then costs a null check. */
  capture: EventCapture | null = null;
  /** Creates the behaviour for a node (re)starting; set by the run before the first start. */
  startBehaviour: (nodeIndex: number) => NodeBehaviour | null = () => null;

  constructor(
    readonly names: readonly string[],
    private readonly kernel: Kernel,
    private readonly network: Network,
    private readonly observer: NodeStatusObserver,
    private readonly clocks: ClockTable,
    /** Told whenever a behaviour's code starts and returns (for the callback watchdog). */
    private readonly heartbeat: CallbackHeartbeat,
  ) {
    const n = names.length;
    this.status = new Uint8Array(n);
    this.incarnation = new Int32Array(n);
    this.slowFactor = new Float64Array(n).fill(1);
    this.behaviours = new Array(n).fill(null);
    this.held = Array.from({ length: n }, () => []);
    this.timerKind = kernel.registerHandler((timer: Timer) => this.onTimerEvent(timer), 'timer');
    network.connect(this);
    clocks.onRateChange = (nodeIndex) => this.rescheduleTimers(nodeIndex);
  }

  /** A timer of `delayUs` on the node's monotonic clock: its true span follows the node's drift. */
  setTimer(nodeIndex: number, delayUs: number, callback: () => void): Timer {
    const clocks = this.clocks;
    const nowUs = this.kernel.nowUs;
    const dueUs = Math.round(nowUs + clocks.trueSpanUs(nodeIndex, Math.max(0, delayUs)));
    const deadlineUs = clocks.isPerfect ? dueUs : clocks.exactMonotonicUs(nodeIndex) + Math.max(0, delayUs);
    const timer = new Timer(nodeIndex, this.incarnation[nodeIndex]!, callback, this.timerCount++, deadlineUs, dueUs);
    this.kernel.scheduleAt(dueUs, this.timerKind, timer);
    return timer;
  }

  /**
   * The node's oscillator changed rate (a drift fault): every pending timer of it falls due at
   * another true time. Rare, so the queue is searched instead of tracking timers per node.
   */
  private rescheduleTimers(nodeIndex: number): void {
    const pending = new Set<Timer>();
    for (const timer of this.kernel.pendingPayloads(this.timerKind) as Timer[]) {
      if (timer.nodeIndex === nodeIndex && !timer.cancelled && timer.incarnation === this.incarnation[nodeIndex]) pending.add(timer);
    }
    const timers = [...pending].sort((a, b) => a.dueUs - b.dueUs || a.id - b.id);
    const nowUs = this.kernel.nowUs;
    const monotonicNowUs = this.clocks.exactMonotonicUs(nodeIndex);
    for (const timer of timers) {
      const remainingUs = Math.max(0, timer.deadlineMonotonicUs - monotonicNowUs);
      const dueUs = Math.round(nowUs + this.clocks.trueSpanUs(nodeIndex, remainingUs));
      if (dueUs === timer.dueUs) continue;
      timer.dueUs = dueUs;
      this.kernel.scheduleAt(dueUs, this.timerKind, timer);
    }
  }

  private onTimerEvent(timer: Timer): void {
    if (timer.dueUs !== this.kernel.nowUs) return; // rescheduled: another event fires it
    this.fire(timer);
  }

  /** A message arrives: the common case (an up node) is kept short, so that V8 inlines it whole. */
  receive(envelope: Envelope): void {
    const to = envelope.to;
    if (this.status[to] !== NODE_UP) {
      this.receiveWhileNotUp(envelope);
      return;
    }
    this.network.counters.delivered++;
    if (envelope.tracker !== null) envelope.tracker.fate = 'delivered';
    if (this.capture !== null) this.capture.messageEvent('deliver', envelope);
    this.activeNode = to;
    this.heartbeat.enterMessage(to, envelope.message, this.kernel.nowUs);
    this.behaviours[to]?.onMessage?.(this.names[envelope.from]!, envelope.message);
    this.heartbeat.leave();
    this.activeNode = -1;
  }

  private receiveWhileNotUp(envelope: Envelope): void {
    const to = envelope.to;
    switch (this.status[to]) {
      case NODE_PAUSED:
        if (envelope.tracker) envelope.tracker.fate = 'held-at-paused-node';
        if (this.capture !== null) this.capture.messageEvent('held', envelope);
        this.network.hold(envelope);
        this.held[to]!.push({ envelope, refusal: false });
        return;
      case NODE_DOWN_REFUSING:
        if (envelope.tracker) envelope.tracker.fate = 'refused';
        if (this.capture !== null) this.capture.messageEvent('refused', envelope);
        this.network.sendRefusal(envelope);
        return;
      default:
        if (envelope.tracker) envelope.tracker.fate = 'dropped-at-crashed-node';
        if (this.capture !== null) this.capture.messageEvent('dropped', envelope);
    }
  }

  receiveRefusal(envelope: Envelope): void {
    const sender = envelope.from;
    if (this.status[sender] === NODE_PAUSED) {
      this.network.hold(envelope);
      this.held[sender]!.push({ envelope, refusal: true });
      return;
    }
    if (this.status[sender] !== NODE_UP) return;
    this.activeNode = sender;
    this.heartbeat.enterRefused(sender, envelope.message, this.kernel.nowUs);
    this.behaviours[sender]?.onRefused?.(this.names[envelope.to]!, envelope.message);
    this.heartbeat.leave();
    this.activeNode = -1;
  }

  private fire(timer: Timer): void {
    const node = timer.nodeIndex;
    if (timer.cancelled || timer.incarnation !== this.incarnation[node]) return;
    if (this.status[node] === NODE_PAUSED) {
      this.held[node]!.push(timer);
      return;
    }
    timer.cancelled = true; // fired: a later cancel is a no-op
    if (this.capture !== null) this.capture.timerFired(node);
    this.activeNode = node;
    this.heartbeat.enterTimer(node, timer.callback, this.kernel.nowUs);
    timer.callback();
    this.heartbeat.leave();
    this.activeNode = -1;
  }

  start(nodeIndex: number): void {
    this.setStatus(nodeIndex, NODE_UP);
    const outer = this.activeNode; // a restart by a fault runs outside any node's code
    this.activeNode = nodeIndex;
    this.heartbeat.enter('createNode', nodeIndex, this.kernel.nowUs);
    this.behaviours[nodeIndex] = this.startBehaviour(nodeIndex);
    this.heartbeat.leave();
    this.activeNode = outer;
  }

  crash(nodeIndex: number, mode: 'refuse' | 'silent'): void {
    if (this.status[nodeIndex] === NODE_DOWN_REFUSING || this.status[nodeIndex] === NODE_DOWN_SILENT) return;
    this.incarnation[nodeIndex]!++;
    this.behaviours[nodeIndex] = null;
    this.held[nodeIndex] = [];
    this.setStatus(nodeIndex, mode === 'refuse' ? NODE_DOWN_REFUSING : NODE_DOWN_SILENT);
  }

  restart(nodeIndex: number): void {
    if (this.status[nodeIndex] === NODE_UP || this.status[nodeIndex] === NODE_PAUSED) return;
    this.start(nodeIndex);
  }

  pause(nodeIndex: number): void {
    if (this.status[nodeIndex] !== NODE_UP) return;
    this.setStatus(nodeIndex, NODE_PAUSED);
  }

  /** The node carries on unaware: what arrived or fell due while it was paused happens now, in order. */
  resume(nodeIndex: number): void {
    if (this.status[nodeIndex] !== NODE_PAUSED) return;
    this.setStatus(nodeIndex, NODE_UP);
    const held = this.held[nodeIndex]!;
    this.held[nodeIndex] = [];
    for (let i = 0; i < held.length; i++) {
      if (this.status[nodeIndex] === NODE_PAUSED) {
        // A handler paused it again: the rest keeps waiting, ahead of anything newer.
        this.held[nodeIndex] = [...held.slice(i), ...this.held[nodeIndex]!];
        return;
      }
      if (!this.isUp(nodeIndex)) return; // crashed: what waited is gone with it
      const item = held[i]!;
      if (item instanceof Timer) {
        this.fire(item);
        continue;
      }
      if (item.refusal) this.receiveRefusal(item.envelope);
      else this.receive(item.envelope);
      this.network.release(item.envelope);
    }
  }

  isUp(nodeIndex: number): boolean {
    return this.status[nodeIndex] === NODE_UP;
  }

  private setStatus(nodeIndex: number, status: NodeStatus): void {
    this.status[nodeIndex] = status;
    this.observer.onStatusChange(nodeIndex, status);
    if (this.capture !== null) this.capture.statusChanged(nodeIndex, CAPTURED_STATUS[status]);
  }
}
