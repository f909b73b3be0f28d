// Seeded pseudo-random streams. Each stream is derived from the master seed and a stable name
// (`network`, `workload`, `node:server-2`), so changing one part of a scenario does not reshuffle
// the randomness of the others. seedrandom hashes (seed, name) into the initial state; draws use
// sfc32 (small, fast, passes PractRand), inlined here because it sits on the event loop's hot path.
// Depends on nothing but seedrandom.

import seedrandom from 'seedrandom';
import type { RandomStream } from '../model/api.js';

const TWO_POW_32 = 4294967296;

export class Sfc32Stream implements RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(masterSeed: number, name: string) {
    const hash = seedrandom.alea(`ddsim/${masterSeed}/${name}`);
    this.a = hash.int32();
    this.b = hash.int32();
    this.c = hash.int32();
    this.d = hash.int32();
    for (let i = 0; i < 12; i++) this.nextUint32();
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

  next(): number {
    return this.nextUint32() / TWO_POW_32;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.next());
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

/** Creates streams for one run; the same (seed, name) always gives the same sequence. */
export class StreamFactory {
  constructor(readonly masterSeed: number) {}

  stream(name: string): Sfc32Stream {
    return new Sfc32Stream(this.masterSeed, name);
  }
}
