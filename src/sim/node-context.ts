// The NodeContext given to a model's node behaviour: the only door between a model and the
// simulator (see src/model/api.ts).

import type { ClockTable } from './clock-table.js';
import { Sfc32Stream, type StreamFactory } from '../kernel/random-stream.js';
import type {
  HistoryRecorder,
  MessageTracker,
  MetricsRecorder,
  NodeContext,
  RandomStream,
  ReliableSendOptions,
  TimerHandle,
} from '../model/api.js';
import type { DistributionSpec } from '../model/distribution.js';
import { samplerFor } from '../model/sampler.js';
import { describeBadValue, ModelApiMisuse } from '../model/api-misuse.js';
import { Tracker } from '../network/envelope.js';
import type { Network } from '../network/network.js';
import type { NodeTable, Timer } from './node-table.js';

/** What every node's context shares: one object per run, so that a context is small (one cache line). */
export interface NodeServices {
  readonly nodeNames: readonly string[];
  readonly indexByName: ReadonlyMap<string, number>;
  readonly durationUs: number;
  readonly clocks: ClockTable;
  readonly network: Network;
  readonly nodes: NodeTable;
  readonly streams: StreamFactory;
  readonly metrics: MetricsRecorder;
  readonly history: HistoryRecorder;
}

/**
 * A node's context is also its main random stream (`ctx.random` is the context itself, drawing
 * from stream `node:<name>`): one object for a delivery to touch instead of two. With 10,000
 * nodes every per-node object a delivery touches is a cache miss.
 */
export class SimNodeContext extends Sfc32Stream implements NodeContext {
  readonly durable = new Map<string, unknown>();

  constructor(
    readonly nodeIndexValue: number,
    readonly nodeName: string,
    private readonly services: NodeServices,
  ) {
    super(services.streams.initialState(`node:${nodeName}`));
  }

  get random(): RandomStream {
    return this;
  }

  get nodeNames(): readonly string[] {
    return this.services.nodeNames;
  }

  get durationUs(): number {
    return this.services.durationUs;
  }

  get metrics(): MetricsRecorder {
    return this.services.metrics;
  }

  get history(): HistoryRecorder {
    return this.services.history;
  }

  nowUs(): number {
    return this.services.clocks.timeOfDayUs(this.nodeIndexValue);
  }

  monotonicUs(): number {
    return this.services.clocks.monotonicUs(this.nodeIndexValue);
  }

  nodeIndex(name: string): number {
    const index = this.services.indexByName.get(name);
    if (index === undefined) {
      throw new ModelApiMisuse(`a call on ${this.nodeName}`, `no node named ${describeBadValue(name)} (nodes: ${this.nodeNames.slice(0, 10).join(', ')}${this.nodeNames.length > 10 ? ', ...' : ''})`);
    }
    return index;
  }

  send(to: string | number, message: unknown): void {
    this.services.network.send(this.nodeIndexValue, this.resolve(to), message, null);
  }

  sendTracked(to: string | number, message: unknown): MessageTracker {
    const tracker = new Tracker();
    this.services.network.send(this.nodeIndexValue, this.resolve(to), message, tracker);
    return tracker;
  }

  sendReliable(to: string | number, message: unknown, options: ReliableSendOptions): void {
    this.services.network.sendReliable(
      this.nodeIndexValue,
      this.resolve(to),
      message,
      options.retransmitAfterUs,
      options.transmissionCountMax,
    );
  }

  setTimer(delayUs: number, callback: () => void): TimerHandle {
    if (typeof delayUs !== 'number' || !Number.isFinite(delayUs) || delayUs < 0) {
      throw new ModelApiMisuse(
        `ctx.setTimer on ${this.nodeName}`,
        `the delay must be a finite number of microseconds >= 0, not ${describeBadValue(delayUs)} (a misspelt config field?)`,
      );
    }
    if (typeof callback !== 'function') {
      throw new ModelApiMisuse(`ctx.setTimer on ${this.nodeName}`, `the callback must be a function, not ${describeBadValue(callback)}`);
    }
    return this.services.nodes.setTimer(this.nodeIndexValue, delayUs, callback);
  }

  cancelTimer(timer: TimerHandle): void {
    (timer as Timer).cancelled = true;
  }

  stream(name: string): Sfc32Stream {
    return this.services.streams.stream(`node:${this.nodeName}/${name}`);
  }

  sample(spec: DistributionSpec, stream: RandomStream = this.random): number {
    if (spec === null || typeof spec !== 'object' || typeof (spec as { kind?: unknown }).kind !== 'string') {
      throw new ModelApiMisuse(`ctx.sample on ${this.nodeName}`, `expected a distribution from system.distribution(...), not ${describeBadValue(spec)}`);
    }
    return samplerFor(spec)(stream);
  }

  slowFactor(): number {
    return this.services.nodes.slowFactor[this.nodeIndexValue]!;
  }

  private resolve(to: string | number): number {
    if (typeof to === 'number' && to >= 0 && to < this.nodeNames.length && Number.isInteger(to)) return to;
    return this.resolveName(to);
  }

  /** resolve's slower half: a name, or a bad destination (kept apart so that resolve stays small). */
  private resolveName(to: string | number): number {
    if (typeof to === 'number') {
      throw new ModelApiMisuse(`a send from ${this.nodeName}`, `no node with index ${to} (there are ${this.nodeNames.length})`);
    }
    if (typeof to !== 'string') throw new ModelApiMisuse(`a send from ${this.nodeName}`, `the destination must be a node name or index, not ${describeBadValue(to)}`);
    return this.nodeIndex(to);
  }
}
