// The simulated network: per message latency, loss and duplication drawn from the link's own
// random draws (./link-streams.ts: keyed by its two ends, counted by the sender, so that changes
// elsewhere leave them alone); partitions and cut links; refusal notices from hosts whose process
// is down; TCP-like retransmission for reliable sends. Delivery to a node goes through a
// NodeReceiver (the node table).

import type { EventCapture } from '../capture/event-capture.js';
import type { Kernel } from '../kernel/kernel.js';
import type { StreamFactory } from '../kernel/random-stream.js';
import { exponentialUs, type Sampler } from '../model/sampler.js';
import { EnvelopePool, type Envelope, type Tracker } from './envelope.js';
import { assert } from '../model/assert.js';
import { LinkStreams, uniformOf } from './link-streams.js';
import type { LinkState, LinkTable } from './link-table.js';

export interface NodeReceiver {
  /** A message arrives at `envelope.to` (whatever its state). */
  receive(envelope: Envelope): void;
  /** A refusal notice arrives back at the sender of `envelope`. */
  receiveRefusal(envelope: Envelope): void;
}

export interface NetworkCounters {
  sent: number;
  delivered: number;
  lost: number;
  duplicated: number;
  unreachable: number;
  refused: number;
  retransmitted: number;
}

export class Network {
  readonly counters: NetworkCounters = {
    sent: 0,
    delivered: 0,
    lost: 0,
    duplicated: 0,
    unreachable: 0,
    refused: 0,
    retransmitted: 0,
  };
  private readonly linkStreams: LinkStreams;
  private readonly deliverKind: number;
  private readonly refusalKind: number;
  private readonly retransmitKind: number;
  private receiver: NodeReceiver | null = null;
  /** Recycles envelopes once delivered (see ./envelope.ts). */
  readonly envelopes = new EnvelopePool();
  /** Set when the run captures its events (src/capture/); null otherwise, and then costs a null check. */
  capture: EventCapture | null = null;

  constructor(
    private readonly kernel: Kernel,
    private readonly links: LinkTable,
    streams: StreamFactory,
    nodeNames: readonly string[],
  ) {
    this.linkStreams = new LinkStreams(streams, nodeNames);
    this.deliverKind = kernel.registerHandler((envelope: Envelope) => {
      envelope.holds--;
      // A partition that began while the message was in flight drops it too.
      if (links.blocks.blockedLinkCount !== 0 && links.blocks.isBlocked(envelope.from, envelope.to)) this.drop('unreachable', envelope);
      else this.receiver!.receive(envelope);
      this.envelopes.settle(envelope);
    }, 'message delivery');
    this.refusalKind = kernel.registerHandler((envelope: Envelope) => {
      envelope.holds--;
      this.receiver!.receiveRefusal(envelope);
      this.envelopes.settle(envelope);
    }, 'connection refusal');
    this.retransmitKind = kernel.registerHandler((envelope: Envelope) => {
      envelope.holds--;
      this.retransmit(envelope);
      this.envelopes.settle(envelope);
    }, 'retransmission');
  }

  connect(receiver: NodeReceiver): void {
    this.receiver = receiver;
  }

  send(from: number, to: number, message: unknown, tracker: Tracker | null): void {
    this.counters.sent++;
    const envelope = this.envelopes.take(from, to, message, tracker, 1, 0);
    if (this.capture !== null) this.capture.messageSent(envelope);
    this.transmit(envelope);
    this.envelopes.settle(envelope);
  }

  sendReliable(from: number, to: number, message: unknown, retransmitAfterUs: number, transmissionCountMax: number): void {
    this.counters.sent++;
    const envelope = this.envelopes.take(from, to, message, null, transmissionCountMax, retransmitAfterUs);
    if (this.capture !== null) this.capture.messageSent(envelope);
    this.transmit(envelope);
    this.envelopes.settle(envelope);
  }

  private retransmit(envelope: Envelope): void {
    if (this.capture !== null) this.capture.messageEvent('retransmit', envelope);
    this.transmit(envelope);
  }

  /**
   * One transmission. The common case (uniform links, nothing blocked) is kept short so that V8
   * inlines it whole, latency sampler included; the rest goes through transmitOnState.
   */
  private transmit(envelope: Envelope): void {
    envelope.transmissionsLeft--;
    const links = this.links;
    const from = envelope.from;
    const to = envelope.to;
    const i = from * links.nodeCount + to;
    const stream = this.linkStreams.select(from, to);
    if (links.blocks.blockedLinkCount !== 0 && links.blocks.isLinkBlocked(i)) {
      this.drop('unreachable', envelope);
      return;
    }
    if (!links.uniform) {
      this.transmitOnState(envelope, stream, links.state(i, from, to));
      return;
    }
    if (uniformOf(stream.nextInt32()) < links.defaultLossProbability) {
      this.drop('lost', envelope);
      return;
    }
    const meanUs = links.defaultExponentialMeanUs;
    // The exponential sampler's own formula, called directly (see LinkTable.defaultExponentialMeanUs).
    const delayUs = meanUs >= 0 ? exponentialUs(meanUs, uniformOf(stream.nextInt32())) : links.defaultLatency(stream);
    this.schedule(Math.round(this.kernel.nowUs + delayUs), this.deliverKind, envelope);
    if (links.defaultDuplicateProbability > 0 && uniformOf(stream.nextInt32()) < links.defaultDuplicateProbability) {
      this.duplicate(envelope, stream, links.defaultLatency, null);
    }
  }

  /** A transmission on a link with its own parameters (regions, overrides, faults). */
  private transmitOnState(envelope: Envelope, stream: LinkStreams, state: LinkState): void {
    if (uniformOf(stream.nextInt32()) < state.lossProbability) {
      this.drop('lost', envelope);
      return;
    }
    this.schedule(Math.round(this.kernel.nowUs + drawDelayUs(stream, state.latency, state.extraDelay)), this.deliverKind, envelope);
    if (state.duplicateProbability > 0 && uniformOf(stream.nextInt32()) < state.duplicateProbability) {
      this.duplicate(envelope, stream, state.latency, state.extraDelay);
    }
  }

  private duplicate(envelope: Envelope, stream: LinkStreams, latency: Sampler, extraDelay: Sampler | null): void {
    this.counters.duplicated++;
    if (this.capture !== null) this.capture.messageEvent('duplicated', envelope);
    this.schedule(Math.round(this.kernel.nowUs + drawDelayUs(stream, latency, extraDelay)), this.deliverKind, envelope);
  }

  /** The transmission is lost or cut off: counted, recorded, retransmitted when reliable. */
  private drop(fate: 'lost' | 'unreachable', envelope: Envelope): void {
    if (fate === 'lost') this.counters.lost++;
    else this.counters.unreachable++;
    if (envelope.tracker !== null) envelope.tracker.fate = fate;
    if (this.capture !== null) this.capture.messageEvent(fate, envelope);
    this.retransmitOrDrop(envelope);
  }

  private retransmitOrDrop(envelope: Envelope): void {
    if (envelope.transmissionsLeft <= 0) return;
    this.counters.retransmitted++;
    this.schedule(Math.round(this.kernel.nowUs + envelope.retransmitAfterUs), this.retransmitKind, envelope);
  }

  /**
   * Schedules an event that carries the envelope: one more hold on it until handled. `atUs` is
   * rounded by the caller, exactly as the kernel would round it: a whole number passes between
   * functions without being boxed, a fractional delay would not.
   */
  private schedule(atUs: number, kind: number, envelope: Envelope): void {
    if (envelope.pooled) assert(false, 'a pooled envelope scheduled');
    this.kernel.scheduleAt(atUs, kind, envelope);
    envelope.holds++;
  }

  /** The receiver keeps the envelope for later (a paused node): it stays out of the pool. */
  hold(envelope: Envelope): void {
    envelope.holds++;
  }

  /** The receiver is done with an envelope it held (see hold). */
  release(envelope: Envelope): void {
    envelope.holds--;
    this.envelopes.settle(envelope);
  }

  /** Called by the receiver when the destination host refuses: the notice travels back. */
  sendRefusal(envelope: Envelope): void {
    this.counters.refused++;
    const back = envelope.to * this.links.nodeCount + envelope.from;
    if (this.links.blocks.isLinkBlocked(back)) return;
    const stream = this.linkStreams.select(envelope.to, envelope.from);
    this.schedule(Math.round(this.kernel.nowUs + this.linkDelayUs(back, envelope.to, envelope.from, stream)), this.refusalKind, envelope);
  }

  /** A delay on link i (from -> to), drawn from its stream (already selected on that link). */
  private linkDelayUs(i: number, from: number, to: number, stream: LinkStreams): number {
    const links = this.links;
    if (links.uniform) return links.defaultLatency(stream);
    const state = links.state(i, from, to);
    return drawDelayUs(stream, state.latency, state.extraDelay);
  }
}

/** A delay drawn from the link's stream: the latency, plus the extra delay of a fault if any. */
function drawDelayUs(stream: LinkStreams, latency: Sampler, extraDelay: Sampler | null): number {
  const delayUs = latency(stream);
  return extraDelay !== null ? delayUs + extraDelay(stream) : delayUs;
}
