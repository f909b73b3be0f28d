// The "gossip-pingpong" benchmark workload (../shared/bench/README.md) as an ordinary model
// module, loaded by path exactly as a user's own model would be: every node sends one message to
// a random other node at start; each delivery makes the receiver send a new one to a random other
// node; the network's TCP-like transport retransmits a lost transmission 50 ms later. Receivers
// stop forwarding once `deliveries` messages have arrived, so the run ends when the last
// messages in flight land.

import type { ModelSections, NodeBehaviour, NodeContext, ReliableSendOptions, SystemModel } from '../model/api.js';

interface GossipConfig {
  readonly deliveryCountTarget: number;
  readonly retransmitAfterUs: number;
}

interface GossipShared {
  deliveries: number;
  readonly deliveryCountTarget: number;
  /** One options object for every node's sends (not one per node: less for a delivery to touch). */
  readonly sendOptions: ReliableSendOptions;
}

const PING = { kind: 'ping' } as const;

/** Sends one ping to a node other than `self`, drawn uniformly. */
function sendToRandomOther(ctx: NodeContext, self: number, shared: GossipShared): void {
  let to = Math.floor(ctx.random.next() * (ctx.nodeNames.length - 1));
  if (to >= self) to++;
  ctx.sendReliable(to, PING, shared.sendOptions);
}

/** A node's behaviour: forwards each delivery to a random other node until the target is reached. */
class GossipNode implements NodeBehaviour {
  constructor(
    private readonly ctx: NodeContext,
    readonly self: number,
    private readonly shared: GossipShared,
  ) {}

  onMessage(): void {
    const shared = this.shared;
    if (++shared.deliveries < shared.deliveryCountTarget) sendToRandomOther(this.ctx, this.self, shared);
  }
}

function parseConfig({ system }: ModelSections): GossipConfig {
  return {
    deliveryCountTarget: system.number('deliveries', { default: 1_000_000, min: 1, integer: true }),
    retransmitAfterUs: system.duration('retransmit-after', { default: 50_000, min: 1 }),
  };
}

export const model: SystemModel<GossipConfig, GossipShared> = {
  name: 'gossip-pingpong',
  description: 'Benchmark workload: every delivery triggers one new message to a random other node.',
  metricNames: () => ['deliveries'],
  parseConfig,
  createShared: (config) => ({
    deliveries: 0,
    deliveryCountTarget: config.deliveryCountTarget,
    sendOptions: { retransmitAfterUs: config.retransmitAfterUs, transmissionCountMax: 1_000_000 },
  }),
  // Per node one object (its context, index and the shared state) with the handler on its
  // class: with 10,000 nodes, every object a delivery touches is a cache miss (a closure would be
  // two more: the function and its context), and the shared reference loop keeps nothing per node.
  createNode(ctx: NodeContext, _config: GossipConfig, shared: GossipShared) {
    const node = new GossipNode(ctx, ctx.nodeIndex(ctx.nodeName), shared);
    sendToRandomOther(ctx, node.self, shared);
    return node;
  },
  finish(shared, metrics) {
    metrics.set('deliveries', shared.deliveries);
  },
};

export default model;
