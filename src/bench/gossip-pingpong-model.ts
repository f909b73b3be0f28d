// The "gossip-pingpong" benchmark workload (../shared/bench/README.md) as an ordinary model
// module, loaded by path exactly as a user's own model would be: every node sends one message to
// a random other node at start; each delivery makes the receiver send a new one to a random other
// node; the network's TCP-like transport retransmits a lost transmission 50 ms later. Receivers
// stop forwarding once `deliveries` messages have arrived, so the run ends when the last
// messages in flight land.

import type { ModelSections, NodeContext, SystemModel } from '../model/api.js';

interface GossipConfig {
  readonly deliveryCountTarget: number;
  readonly retransmitAfterUs: number;
}

interface GossipShared {
  deliveries: number;
}

const PING = { kind: 'ping' } as const;

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
  createShared: () => ({ deliveries: 0 }),
  createNode(ctx: NodeContext, config: GossipConfig, shared: GossipShared) {
    const self = ctx.nodeIndex(ctx.nodeName);
    const otherCount = ctx.nodeNames.length - 1;
    const options = { retransmitAfterUs: config.retransmitAfterUs, transmissionCountMax: 1_000_000 };
    const sendToRandomOther = (): void => {
      let to = Math.floor(ctx.random.next() * otherCount);
      if (to >= self) to++;
      ctx.sendReliable(to, PING, options);
    };
    sendToRandomOther();
    return {
      onMessage() {
        if (++shared.deliveries < config.deliveryCountTarget) sendToRandomOther();
      },
    };
  },
  finish(shared, metrics) {
    metrics.set('deliveries', shared.deliveries);
  },
};

export default model;
