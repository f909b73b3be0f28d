// The envelope pool (src/network/envelope.ts) as the network uses it: an envelope goes back to the
// pool only when no pending event or held entry refers to it, so a recycled envelope is never
// delivered again, a duplicate still arrives with its own message, and retransmissions keep theirs.

import { describe, expect, it } from 'vitest';
import { Kernel } from '../../src/kernel/kernel.js';
import { StreamFactory } from '../../src/kernel/random-stream.js';
import type { DistributionSpec } from '../../src/model/distribution.js';
import type { Envelope } from '../../src/network/envelope.js';
import { LinkTable } from '../../src/network/link-table.js';
import { Network, type NodeReceiver } from '../../src/network/network.js';

const exponential = (meanUs: number): DistributionSpec => ({ kind: 'exponential', meanUs });
const NODE_COUNT = 4;

interface Delivery {
  readonly from: number;
  readonly to: number;
  readonly message: unknown;
  readonly atUs: number;
}

/** A network of NODE_COUNT nodes whose receiver logs deliveries and calls `onDeliver`. */
function setup(options: { loss?: number; duplicate?: number; onDeliver?: (envelope: Envelope, network: Network) => void }) {
  const kernel = new Kernel(1_000_000);
  const nodes = Array.from({ length: NODE_COUNT }, (_, i) => ({ name: `n-${i}`, region: null }));
  const links = new LinkTable(nodes, [], {
    latency: exponential(1_000),
    lossProbability: options.loss ?? 0,
    duplicateProbability: options.duplicate ?? 0,
    links: [],
  });
  const network = new Network(kernel, links, new StreamFactory(3), nodes.map((node) => node.name));
  const deliveries: Delivery[] = [];
  const receiver: NodeReceiver = {
    receive(envelope) {
      deliveries.push({ from: envelope.from, to: envelope.to, message: envelope.message, atUs: kernel.nowUs });
      options.onDeliver?.(envelope, network);
    },
    receiveRefusal() {},
  };
  network.connect(receiver);
  return { kernel, network, deliveries };
}

/** How many times each message was delivered. */
function countsByMessage(deliveries: readonly Delivery[]): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const delivery of deliveries) counts.set(delivery.message, (counts.get(delivery.message) ?? 0) + 1);
  return counts;
}

describe('envelope pool', () => {
  it('reuses a delivered envelope for the next send, and never delivers a message twice', () => {
    let sent = 0;
    const { kernel, network, deliveries } = setup({
      onDeliver(envelope, net) {
        if (sent < 1_000) net.send(envelope.to, (envelope.to + 1) % NODE_COUNT, { n: sent++ }, null);
      },
    });
    network.send(0, 1, { n: sent++ }, null);
    kernel.runUntil(Infinity);
    expect(deliveries).toHaveLength(1_000);
    expect([...countsByMessage(deliveries).values()].every((count) => count === 1)).toBe(true);
    // The sender of each message is the receiver of the one before: the chain is unbroken.
    for (let i = 1; i < deliveries.length; i++) expect(deliveries[i]!.from).toBe(deliveries[i - 1]!.to);
    // One message in flight at a time: the envelope of a delivery is the next one's (two while the
    // receiver sends from inside the delivery, the old one not yet back in the pool).
    expect(network.envelopes.createdCount).toBe(2);
  });

  it('delivers a duplicated message twice with its own message, though sends happen in between', () => {
    let sent = 0;
    const { kernel, network, deliveries } = setup({
      duplicate: 1,
      onDeliver(envelope, net) {
        if (sent < 200) net.send(envelope.to, (envelope.to + 1) % NODE_COUNT, { n: sent++ }, null);
      },
    });
    network.send(0, 1, { n: sent++ }, null);
    kernel.runUntil(Infinity);
    const counts = countsByMessage(deliveries);
    expect(counts.size).toBe(200);
    expect([...counts.values()].every((count) => count === 2)).toBe(true);
    expect(network.counters.duplicated).toBe(200);
    // Every envelope came back once both its deliveries were handled.
    expect(network.envelopes.freeEnvelopeCount).toBe(network.envelopes.createdCount);
  });

  it('keeps a lost reliable message in its envelope until a retransmission delivers it', () => {
    let sent = 0;
    const { kernel, network, deliveries } = setup({
      loss: 0.5,
      onDeliver(envelope, net) {
        if (sent < 2_000) net.sendReliable(envelope.to, (envelope.to + 1 + (sent % 3)) % NODE_COUNT, { n: sent++ }, 5_000, 1_000);
      },
    });
    for (let i = 0; i < 8; i++) network.sendReliable(i % NODE_COUNT, (i + 1) % NODE_COUNT, { n: sent++ }, 5_000, 1_000);
    kernel.runUntil(Infinity);
    const counts = countsByMessage(deliveries);
    expect(counts.size).toBe(sent);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
    expect(network.counters.retransmitted).toBeGreaterThan(1_000);
    expect(network.envelopes.createdCount).toBeLessThan(100);
    expect(network.envelopes.freeEnvelopeCount).toBe(network.envelopes.createdCount);
  });

  it('recycles a reliable message given up after its last transmission', () => {
    const { kernel, network, deliveries } = setup({ loss: 1 });
    network.sendReliable(0, 1, 'never', 1_000, 3);
    kernel.runUntil(Infinity);
    expect(deliveries).toHaveLength(0);
    expect(network.counters.retransmitted).toBe(2);
    expect(network.envelopes.freeEnvelopeCount).toBe(1);
  });

  it('leaves a held envelope out of the pool until the receiver releases it', () => {
    const held: Envelope[] = [];
    let sent = 0;
    const { kernel, network, deliveries } = setup({
      onDeliver(envelope, net) {
        if (deliveries.length === 1) {
          net.hold(envelope);
          held.push(envelope);
        }
        if (sent < 50) net.send(envelope.to, (envelope.to + 1) % NODE_COUNT, { n: sent++ }, null);
      },
    });
    network.send(0, 1, { n: sent++ }, null);
    kernel.runUntil(Infinity);
    expect(held[0]!.message).toEqual({ n: 0 }); // not reused while held
    expect(held[0]!.holds).toBe(1);
    network.release(held[0]!);
    expect(held[0]!.message).toBeUndefined(); // released: back in the pool, message let go
    expect(network.envelopes.freeEnvelopeCount).toBe(network.envelopes.createdCount);
  });
});
