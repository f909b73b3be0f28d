// The random streams of every directed link, stored as one flat array of sfc32 states, four
// 32-bit words per link, instead of one object per link. A message picks a link at random, so a
// per-link object (reached through an array of pointers) costs two cache misses per transmission;
// a row of this array costs one. Each link draws only from its own stream, derived from the
// master seed and the names of its two ends: each node's name gives a state once
// (`link-end:<name>`, by StreamFactory), and a link's state mixes its ends' (deriveSfc32PairState),
// created the first time the link is used. Stable when nodes are added, removed or reordered.
//
// The object is a RandomStream positioned on one link at a time: select(link), then draw.
// Depends only on the kernel's random streams.

import { deriveSfc32PairState, UniformDraws, type StreamFactory } from '../kernel/random-stream.js';

const TWO_POW_32 = 4294967296;
const WORDS_PER_STATE = 4;

export class LinkStreams extends UniformDraws {
  private readonly states: Int32Array;
  private readonly created: Uint8Array;
  /** Per node: the state derived from its name, the ingredient of its links' states. */
  private readonly endStates: Int32Array;
  private readonly endCreated: Uint8Array;
  /** Offset of the selected link's state in `states`. */
  private offset = 0;

  constructor(
    private readonly streams: StreamFactory,
    private readonly nodeNames: readonly string[],
  ) {
    super();
    const linkCount = nodeNames.length * nodeNames.length;
    this.states = new Int32Array(linkCount * WORDS_PER_STATE);
    this.created = new Uint8Array(linkCount);
    this.endStates = new Int32Array(nodeNames.length * WORDS_PER_STATE);
    this.endCreated = new Uint8Array(nodeNames.length);
  }

  /** Positions the stream on link `from * nodeCount + to`, deriving its state on first use. */
  select(link: number, from: number, to: number): this {
    if (this.created[link] === 0) this.create(link, from, to);
    this.offset = link * WORDS_PER_STATE;
    return this;
  }

  next(): number {
    const state = this.states;
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
    return (t >>> 0) / TWO_POW_32;
  }

  private create(link: number, from: number, to: number): void {
    this.ensureEnd(from);
    this.ensureEnd(to);
    deriveSfc32PairState(this.endStates, from * WORDS_PER_STATE, to * WORDS_PER_STATE, this.states, link * WORDS_PER_STATE);
    this.created[link] = 1;
  }

  private ensureEnd(node: number): void {
    if (this.endCreated[node] === 1) return;
    this.streams.deriveStateInto(`link-end:${this.nodeNames[node]}`, this.endStates, node * WORDS_PER_STATE);
    this.endCreated[node] = 1;
  }
}
