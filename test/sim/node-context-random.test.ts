import { describe, expect, it } from 'vitest';
import { StreamFactory } from '../../src/kernel/random-stream.js';
import { SimNodeContext, type NodeServices } from '../../src/sim/node-context.js';

// The context is also its node's main random stream (one object fewer for a delivery to touch):
// what a model sees must still be exactly stream `node:<name>`, one stream per node, kept across
// accesses of ctx.random, and apart from the named streams of ctx.stream().
function contextFor(name: string, streams: StreamFactory): SimNodeContext {
  const services = { nodeNames: [name], indexByName: new Map([[name, 0]]), streams } as unknown as NodeServices;
  return new SimNodeContext(0, name, services);
}

function draws(next: () => number, count: number): number[] {
  return Array.from({ length: count }, next);
}

describe('ctx.random', () => {
  it('draws the sequence of stream node:<name>, continuing across accesses', () => {
    const ctx = contextFor('server-1', new StreamFactory(42));
    const reference = new StreamFactory(42).stream('node:server-1');
    const fromContext = draws(() => ctx.random.next(), 50);
    expect(fromContext).toEqual(draws(() => reference.next(), 50));
    expect(ctx.random).toBe(ctx.random);
  });

  it('is independent of the node\'s named streams and of other nodes', () => {
    const streams = new StreamFactory(7);
    const a = contextFor('a', streams);
    const b = contextFor('b', streams);
    const named = a.stream('jitter');
    const fromA = draws(() => a.random.next(), 20);
    expect(draws(() => named.next(), 20)).not.toEqual(fromA);
    expect(draws(() => b.random.next(), 20)).not.toEqual(fromA);
    expect(contextFor('a', new StreamFactory(7)).random.next()).toBe(fromA[0]);
  });
});
