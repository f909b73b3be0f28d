// Seeded pseudo-random streams. Each stream is derived from the master seed and a stable name
// (`network`, `workload`, `node:server-2`), so changing one part of a scenario does not reshuffle
// the randomness of the others. seedrandom turns the master seed into a 128-bit key; a stream's
// initial state is that key mixed with a 128-bit hash of its name (cyrb128), which is cheap enough
// for the thousands of nodes a large topology has. Draws use sfc32 (small, fast,
// passes PractRand), written out here because it sits on the event loop's hot path.
// Depends on nothing but seedrandom's alea, imported alone: the package's index also loads its
// five other generators and node:crypto (for auto-seeding, never used here), which cost every
// `ddsim run` about 8 ms of start-up.

import alea from 'seedrandom/lib/alea.js';
import type { RandomStream } from '../model/api.js';
import { exponentialUs } from '../model/sampler.js';

const TWO_POW_32 = 4294967296;
const WORDS_PER_STATE = 4;
const WARM_UP_ROUNDS = 15;

/**
 * The draws every stream offers, built on its uniform `next()`: one definition for the stream
 * objects below and the network's link draws (src/network/link-streams.ts).
 */
export abstract class UniformDraws implements RandomStream {
  abstract next(): number;

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  exponential(mean: number): number {
    return exponentialUs(mean, this.next());
  }

  /** Standard normal, by Box–Muller (one draw of the pair; two uniform draws each call). */
  normal(): number {
    const u1 = 1 - this.next();
    const u2 = this.next();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[this.int(items.length)] as T;
  }
}

export class Sfc32Stream extends UniformDraws {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  /** The stream starting from `initialState` (four words, from StreamFactory.initialState). */
  constructor(initialState: Int32Array) {
    super();
    this.a = initialState[0]!;
    this.b = initialState[1]!;
    this.c = initialState[2]!;
    this.d = initialState[3]!;
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** nextUint32() / 2^32, written out: a call would return the uint32 boxed (it may exceed a small integer). */
  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const t = (((a + b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / TWO_POW_32;
  }

}

/**
 * The initial sfc32 state (a, b, c, d) of stream `name`, written to state[offset..offset+3]: the
 * key mixed with the name's hash, then warmed up. The one derivation of every stream: objects
 * (Sfc32Stream) and flat state arrays (the network's link-end keys) alike.
 */
export function deriveSfc32State(
  key: readonly [number, number, number, number],
  name: string,
  state: Int32Array,
  offset: number,
): void {
  cyrb128Into(name, state, offset);
  for (let word = 0; word < WORDS_PER_STATE; word++) state[offset + word] ^= key[word]!;
  advanceSfc32(state, offset, WARM_UP_ROUNDS);
}

/** Runs `rounds` sfc32 steps on the state stored at state[offset..offset+3], in place. */
function advanceSfc32(state: Int32Array, offset: number, rounds: number): void {
  let a = state[offset]!;
  let b = state[offset + 1]!;
  let c = state[offset + 2]!;
  let d = state[offset + 3]!;
  for (let i = 0; i < rounds; i++) {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (((c << 21) | (c >>> 11)) + t) | 0;
  }
  state[offset] = a;
  state[offset + 1] = b;
  state[offset + 2] = c;
  state[offset + 3] = d;
}

/** A 128-bit hash of a string (cyrb128, public domain), as four 32-bit words into state[offset..]. */
function cyrb128Into(text: string, state: Int32Array, offset: number): void {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  state[offset] = h1;
  state[offset + 1] = h2;
  state[offset + 2] = h3;
  state[offset + 3] = h4;
}

/** Creates streams for one run; the same (seed, name) always gives the same sequence. */
export class StreamFactory {
  private readonly key: readonly [number, number, number, number];

  constructor(readonly masterSeed: number) {
    const hash = alea(`ddsim/${masterSeed}`);
    this.key = [hash.int32(), hash.int32(), hash.int32(), hash.int32()];
  }

  stream(name: string): Sfc32Stream {
    return new Sfc32Stream(this.initialState(name));
  }

  /** The initial state of stream `name` (for a class that is a stream and more: a node's context). */
  initialState(name: string): Int32Array {
    const state = new Int32Array(WORDS_PER_STATE);
    this.deriveStateInto(name, state, 0);
    return state;
  }

  /** The initial state of stream `name`, without creating the object (see deriveSfc32State). */
  deriveStateInto(name: string, state: Int32Array, offset: number): void {
    deriveSfc32State(this.key, name, state, offset);
  }
}
