// The random draws of the directed links, from a counter-based generator: no state per link at
// all, so memory grows with the nodes (20 bytes each), not with the links used (a 10,000-node
// cluster has 1e8 of them), and a transmission touches no table that outgrows the caches.
//
// A draw on link a -> b is a keyed hash of a counter: the key mixes the states of the two ends'
// names (each node's name gives one state once, `link-end:<name>`, by StreamFactory), and the
// counter is the sender's: how many link draws a has made so far. So a link's draws depend on
// the master seed, its two ends' names and the sender's own transmissions, and on nothing any
// other node does; they are stable when nodes are added, removed or reordered. (Up to version
// 0.1 each link had its own sfc32 stream in a hash table: a link's draws did not depend on the
// sender's other links either, but the table grew with every link used, towards gigabytes at
// 10,000 nodes, and cost a cache miss per transmission. The draws changed with 0.2.)
//
// The hash: lowbias32 (Chris Wellons' hash-prospector, public domain), a bijection on 32 bits
// with near-ideal avalanche, applied twice around the key's second word, to a Weyl sequence of
// the counter. For a fixed link the draws never repeat within 2^32 of the sender's draws.
//
// The object is a RandomStream positioned on one link at a time: select(from, to), then draw.
// Depends only on the kernel's random streams.

import { UniformDraws, type StreamFactory } from '../kernel/random-stream.js';

const TWO_POW_32 = 4294967296;
const WORDS_PER_STATE = 4;
const WEYL_INCREMENT = 0x9e3779b9 | 0;

/** A raw draw of nextInt32 as the uniform draw in [0, 1) that next() gives. */
export function uniformOf(int32: number): number {
  return (int32 >>> 0) / TWO_POW_32;
}

/** lowbias32: a 32-bit bijection with near-ideal avalanche (hash-prospector). */
function mix32(value: number): number {
  let x = value ^ (value >>> 16);
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  return x ^ (x >>> 15);
}

export class LinkStreams extends UniformDraws {
  /** Per node: the state derived from its name, the ingredient of its links' keys. */
  private readonly endStates: Int32Array;
  /** Per node: the link draws it has made as a sender (the generator's counter). */
  private readonly drawCounts: Int32Array;
  /** The selected link: its sender, the sender's draw count (stored back on the next select), its key. */
  private from = 0;
  private drawCount = 0;
  private key0 = 0;
  private key1 = 0;

  constructor(streams: StreamFactory, nodeNames: readonly string[]) {
    super();
    const n = nodeNames.length;
    this.endStates = new Int32Array(n * WORDS_PER_STATE);
    this.drawCounts = new Int32Array(n);
    for (let node = 0; node < n; node++) {
      streams.deriveStateInto(`link-end:${nodeNames[node]}`, this.endStates, node * WORDS_PER_STATE);
    }
  }

  /** Positions the stream on link from -> to. */
  select(from: number, to: number): this {
    const ends = this.endStates;
    const a = from * WORDS_PER_STATE;
    const b = to * WORDS_PER_STATE;
    this.drawCounts[this.from] = this.drawCount;
    this.from = from;
    this.drawCount = this.drawCounts[from]!;
    // The ends' states are already uniformly random words; the draws' hash does the mixing.
    this.key0 = ends[a]! ^ ends[b + 1]!;
    this.key1 = ends[a + 2]! ^ ends[b + 3]!;
    return this;
  }

  next(): number {
    return uniformOf(this.nextInt32());
  }

  /**
   * The next raw 32-bit draw as a signed integer: `(nextInt32() >>> 0) / 2^32` is next(). A small
   * integer passes out of a call unboxed, where next()'s fraction would be boxed (an allocation
   * per draw) whenever V8 does not inline the call; the network draws loss and duplication so.
   */
  nextInt32(): number {
    const count = this.drawCount;
    this.drawCount = (count + 1) | 0;
    return mix32(mix32((this.key0 + Math.imul(count, WEYL_INCREMENT)) | 0) ^ this.key1);
  }
}
