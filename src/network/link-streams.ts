// The random streams of the directed links that have carried a message, stored as one open-
// addressing hash table of sfc32 states (a key word, then four state words per slot) instead of
// one object per link or an n x n array: memory grows with the links used, not with n², and a
// transmission costs one probe into one flat array (usually one cache miss, as a dense row did).
// Each link draws only from its own stream, derived from the master seed and the names of its two
// ends: each node's name gives a state once (`link-end:<name>`, by StreamFactory), and a link's
// state mixes its ends' (deriveSfc32PairState), created the first time the link is used. Stable
// when nodes are added, removed or reordered, and the same draws as the dense table gave.
//
// The object is a RandomStream positioned on one link at a time: select(link), then draw.
// Depends only on the kernel's random streams.

import { assert } from '../model/assert.js';
import { deriveSfc32PairState, UniformDraws, type StreamFactory } from '../kernel/random-stream.js';

const TWO_POW_32 = 4294967296;

/** A raw draw of nextInt32 as the uniform draw in [0, 1) that next() gives. */
export function uniformOf(int32: number): number {
  return (int32 >>> 0) / TWO_POW_32;
}
const WORDS_PER_STATE = 4;
/** A slot: the link's key plus one (0 = empty), then its four state words. */
const WORDS_PER_SLOT = 1 + WORDS_PER_STATE;
const INITIAL_SLOT_BITS = 10;
/** Links are keyed `from * nodeCount + to`; keys stay below 2^31 (nodeCount <= 46,340). */
const LINK_KEY_MAX = 2 ** 31 - 2;
const FIBONACCI_HASH = 0x9e3779b1;
/**
 * Up to this many directed links (256 nodes), each link gets its own slot (slot = link key, 1.3 MB
 * at most): no hashing or probing on the hot path, where small topologies spend their time.
 */
const DIRECT_LINK_COUNT_MAX = 256 * 256;

export class LinkStreams extends UniformDraws {
  private table: Int32Array;
  private slotBits = INITIAL_SLOT_BITS;
  /** Slot = link key (small topologies), instead of hashing. */
  private readonly direct: boolean;
  private usedSlotCount = 0;
  /** Per node: the state derived from its name, the ingredient of its links' states. */
  private readonly endStates: Int32Array;
  private readonly endCreated: Uint8Array;
  /** Offset of the selected link's state in `table`. */
  private offset = 1;

  constructor(
    private readonly streams: StreamFactory,
    private readonly nodeNames: readonly string[],
  ) {
    super();
    const n = nodeNames.length;
    assert(n * n - 1 <= LINK_KEY_MAX, `${n} nodes: link keys overflow 31 bits`);
    this.direct = n * n <= DIRECT_LINK_COUNT_MAX;
    this.table = new Int32Array((this.direct ? n * n : 1 << INITIAL_SLOT_BITS) * WORDS_PER_SLOT);
    this.endStates = new Int32Array(n * WORDS_PER_STATE);
    this.endCreated = new Uint8Array(n);
  }

  /** How many links have a stream (have been used). */
  get linkCount(): number {
    return this.usedSlotCount;
  }

  /** Positions the stream on link `from * nodeCount + to`, deriving its state on first use. */
  select(link: number, from: number, to: number): this {
    if (!this.direct) return this.selectHashed(link, from, to);
    const at = link * WORDS_PER_SLOT;
    this.offset = this.table[at] === link + 1 ? at + 1 : this.create(at, link + 1, from, to);
    return this;
  }

  /** select for large topologies: probes the hash table (kept apart so that select stays small). */
  private selectHashed(link: number, from: number, to: number): this {
    const table = this.table;
    const key = link + 1;
    const mask = (1 << this.slotBits) - 1;
    let slot = Math.imul(link, FIBONACCI_HASH) >>> (32 - this.slotBits);
    for (;;) {
      const at = slot * WORDS_PER_SLOT;
      const found = table[at]!;
      if (found === key) {
        this.offset = at + 1;
        return this;
      }
      if (found === 0) {
        this.offset = this.create(at, key, from, to);
        return this;
      }
      slot = (slot + 1) & mask;
    }
  }

  next(): number {
    return uniformOf(this.nextInt32());
  }

  /**
   * The next raw sfc32 output as a signed 32-bit integer: `(nextInt32() >>> 0) / 2^32` is next().
   * A small integer passes out of a call unboxed, where next()'s fraction would be boxed (an
   * allocation per draw) whenever V8 does not inline the call; the network draws its loss and
   * duplication through this.
   */
  nextInt32(): number {
    const state = this.table;
    const offset = this.offset;
    const a = state[offset]!;
    const b = state[offset + 1]!;
    const c = state[offset + 2]!;
    const d = state[offset + 3]!;
    const t = (((a + b) | 0) + d) | 0;
    state[offset] = b ^ (b >>> 9);
    state[offset + 1] = (c + (c << 3)) | 0;
    state[offset + 2] = (((c << 21) | (c >>> 11)) + t) | 0;
    state[offset + 3] = (d + 1) | 0;
    return t;
  }

  /** Fills the empty slot at `at` with the link's new state; returns the state's offset. */
  private create(at: number, key: number, from: number, to: number): number {
    this.ensureEnd(from);
    this.ensureEnd(to);
    const table = this.table;
    table[at] = key;
    deriveSfc32PairState(this.endStates, from * WORDS_PER_STATE, to * WORDS_PER_STATE, table, at + 1);
    this.usedSlotCount++;
    // At most three quarters full, so that probes stay short and the table small.
    if (this.direct || this.usedSlotCount * 4 <= 3 << this.slotBits) return at + 1;
    this.grow();
    return this.find(key);
  }

  private grow(): void {
    const old = this.table;
    this.slotBits++;
    this.table = new Int32Array((1 << this.slotBits) * WORDS_PER_SLOT);
    for (let at = 0; at < old.length; at += WORDS_PER_SLOT) {
      if (old[at] === 0) continue;
      const into = this.emptySlotFor(old[at]!);
      for (let word = 0; word < WORDS_PER_SLOT; word++) this.table[into + word] = old[at + word]!;
    }
  }

  /** Offset of the state of a link already in the table. */
  private find(key: number): number {
    const mask = (1 << this.slotBits) - 1;
    let slot = Math.imul(key - 1, FIBONACCI_HASH) >>> (32 - this.slotBits);
    while (this.table[slot * WORDS_PER_SLOT] !== key) slot = (slot + 1) & mask;
    return slot * WORDS_PER_SLOT + 1;
  }

  private emptySlotFor(key: number): number {
    const mask = (1 << this.slotBits) - 1;
    let slot = Math.imul(key - 1, FIBONACCI_HASH) >>> (32 - this.slotBits);
    while (this.table[slot * WORDS_PER_SLOT] !== 0) slot = (slot + 1) & mask;
    return slot * WORDS_PER_SLOT;
  }

  private ensureEnd(node: number): void {
    if (this.endCreated[node] === 1) return;
    this.streams.deriveStateInto(`link-end:${this.nodeNames[node]}`, this.endStates, node * WORDS_PER_STATE);
    this.endCreated[node] = 1;
  }
}
