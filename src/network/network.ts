// The simulated network: per message latency, loss and duplication drawn from the link's own
// random stream (`link:a->b`, so that changes elsewhere leave a link's draws alone); partitions and
// cut links; refusal notices from hosts whose process is down; TCP-like retransmission for
// reliable sends. Delivery to a node goes through a NodeReceiver (the node table).

import type { EventCapture } from '../capture/event-capture.js';
import type { Kernel } from '../kernel/kernel.js';
import type { StreamFactory } from '../kernel/random-stream.js';
import type { Sampler } from '../model/sampler.js';
import type { Envelope, Tracker } from './envelope.js';
import { LinkStreams } from './link-streams.js';
import type { LinkTable } from './link-table.js';

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
  /** Set when the run captures its events (src/capture/); null otherwise, and then costs a null check. */
  capture: EventCapture | null = null;

  constructor(
    private readonly kernel: Kernel,
    private readonly links: LinkTable,
    streams: StreamFactory,
    nodeNames: readonly string[],
  ) {
    this.linkStreams = new LinkStreams(streams, nodeNames);
    this.deliverKind = kernel.registerHandler((envelope: Envelope) => this.arrive(envelope), 'message delivery');
    this.refusalKind = kernel.registerHandler((envelope: Envelope) => this.arriveRefusal(envelope), 'connection refusal');
    this.retransmitKind = kernel.registerHandler((envelope: Envelope) => this.retransmit(envelope), 'retransmission');
  }

  connect(receiver: NodeReceiver): void {
    this.receiver = receiver;
  }

  send(from: number, to: number, message: unknown, tracker: Tracker | null): void {
    this.counters.sent++;
    const envelope: Envelope = { from, to, message, tracker, transmissionsLeft: 1, retransmitAfterUs: 0 };
    if (this.capture !== null) this.capture.messageSent(envelope);
    this.transmit(envelope);
  }

  sendReliable(from: number, to: number, message: unknown, retransmitAfterUs: number, transmissionCountMax: number): void {
    this.counters.sent++;
    const envelope: Envelope = { from, to, message, tracker: null, transmissionsLeft: transmissionCountMax, retransmitAfterUs };
    if (this.capture !== null) this.capture.messageSent(envelope);
    this.transmit(envelope);
  }

  private retransmit(envelope: Envelope): void {
    if (this.capture !== null) this.capture.messageEvent('retransmit', envelope);
    this.transmit(envelope);
  }

  private transmit(envelope: Envelope): void {
    envelope.transmissionsLeft--;
    const links = this.links;
    const from = envelope.from;
    const to = envelope.to;
    const i = from * links.nodeCount + to;
    const stream = this.linkStreams.select(i, from, to);
    if (links.blocks.blockedLinkCount !== 0 && links.blocks.isLinkBlocked(i)) {
      this.counters.unreachable++;
      if (envelope.tracker !== null) envelope.tracker.fate = 'unreachable';
      if (this.capture !== null) this.capture.messageEvent('unreachable', envelope);
      this.retransmitOrDrop(envelope);
      return;
    }
    if (links.uniform) {
      this.transmitOn(envelope, stream, links.defaultLatency, null, links.defaultLossProbability, links.defaultDuplicateProbability);
      return;
    }
    const state = links.state(i, from, to);
    this.transmitOn(envelope, stream, state.latency, state.extraDelay, state.lossProbability, state.duplicateProbability);
  }

  /** Loss, delay and duplication of one transmission, drawn from the link's stream (selected). */
  private transmitOn(
    envelope: Envelope,
    stream: LinkStreams,
    latency: Sampler,
    extraDelay: Sampler | null,
    lossProbability: number,
    duplicateProbability: number,
  ): void {
    if (stream.next() < lossProbability) {
      this.counters.lost++;
      if (envelope.tracker !== null) envelope.tracker.fate = 'lost';
      if (this.capture !== null) this.capture.messageEvent('lost', envelope);
      this.retransmitOrDrop(envelope);
      return;
    }
    this.kernel.scheduleAfter(drawDelayUs(stream, latency, extraDelay), this.deliverKind, envelope);
    if (duplicateProbability > 0 && stream.next() < duplicateProbability) {
      this.counters.duplicated++;
      if (this.capture !== null) this.capture.messageEvent('duplicated', envelope);
      this.kernel.scheduleAfter(drawDelayUs(stream, latency, extraDelay), this.deliverKind, envelope);
    }
  }

  private retransmitOrDrop(envelope: Envelope): void {
    if (envelope.transmissionsLeft <= 0) return;
    this.counters.retransmitted++;
    this.kernel.scheduleAfter(envelope.retransmitAfterUs, this.retransmitKind, envelope);
  }

  private arrive(envelope: Envelope): void {
    if (this.links.blocks.isBlocked(envelope.from, envelope.to)) {
      // A partition that began while the message was in flight drops it too.
      this.counters.unreachable++;
      if (envelope.tracker) envelope.tracker.fate = 'unreachable';
      if (this.capture !== null) this.capture.messageEvent('unreachable', envelope);
      this.retransmitOrDrop(envelope);
      return;
    }
    this.receiver!.receive(envelope);
  }

  /** Called by the receiver when the destination host refuses: the notice travels back. */
  sendRefusal(envelope: Envelope): void {
    this.counters.refused++;
    const back = envelope.to * this.links.nodeCount + envelope.from;
    if (this.links.blocks.isLinkBlocked(back)) return;
    const stream = this.linkStreams.select(back, envelope.to, envelope.from);
    this.kernel.scheduleAfter(this.linkDelayUs(back, envelope.to, envelope.from, stream), this.refusalKind, envelope);
  }

  /** A delay on link i (from -> to), drawn from its stream (already selected on that link). */
  private linkDelayUs(i: number, from: number, to: number, stream: LinkStreams): number {
    const links = this.links;
    if (links.uniform) return links.defaultLatency(stream);
    const state = links.state(i, from, to);
    return drawDelayUs(stream, state.latency, state.extraDelay);
  }

  private arriveRefusal(envelope: Envelope): void {
    this.receiver!.receiveRefusal(envelope);
  }
}

/** A delay drawn from the link's stream: the latency, plus the extra delay of a fault if any. */
function drawDelayUs(stream: LinkStreams, latency: Sampler, extraDelay: Sampler | null): number {
  const delayUs = latency(stream);
  return extraDelay !== null ? delayUs + extraDelay(stream) : delayUs;
}
