// The search's memo of visited (set of linearized operations, model state) pairs, without a string
// per pair: an open-addressing hash table over a flat pool of bitset copies. The caller keeps the
// set's hash up to date incrementally (xor of one 32-bit code per operation, Zobrist-style), so a
// lookup costs O(1) plus one bitset comparison on a hash match, instead of building a key string
// of the whole set at every step (porcupine does the same with a map of hash buckets).

import { mix32 } from './hash32.js';

const EMPTY = -1;
const INITIAL_SLOTS = 1 << 8;
/** Grows the entry pool by this factor; the slot table is kept at most half full. */
const GROWTH = 2;

/** The 32-bit code of operation `index` in the set's hash: a fixed mix, the same on every run. */
export function operationCode(index: number): number {
  return mix32(index + 0x9e3779b9);
}

function pairHash(stateId: number, setHash: number): number {
  return mix32(setHash ^ Math.imul(stateId + 1, 0x27d4eb2f));
}


export class LinearizedMemo {
  private slots = new Int32Array(INITIAL_SLOTS).fill(EMPTY);
  private hashes = new Int32Array(INITIAL_SLOTS >> 1);
  private stateIds = new Int32Array(INITIAL_SLOTS >> 1);
  private words: Uint32Array;
  private count = 0;

  /** `wordCount`: the length of every bitset passed in. */
  constructor(private wordCount: number) {
    this.words = new Uint32Array((INITIAL_SLOTS >> 1) * wordCount);
  }

  get size(): number {
    return this.count;
  }

  /** Slots in the table (its memory: 16 bytes and a bitset per 2 slots). */
  get capacity(): number {
    return this.slots.length;
  }

  /** Empties the memo for bitsets of `wordCount` words, keeping its arrays where they fit. */
  reset(wordCount: number): void {
    this.slots.fill(EMPTY);
    this.count = 0;
    this.wordCount = wordCount;
    if (this.words.length < this.hashes.length * wordCount) this.words = new Uint32Array(this.hashes.length * wordCount);
  }

  /** Whether the pair is present. `setHash` is the xor of the set's operation codes. */
  contains(stateId: number, setHash: number, bits: Uint32Array): boolean {
    const hash = pairHash(stateId, setHash);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === EMPTY) return false;
      if (this.hashes[entry] === hash && this.stateIds[entry] === stateId && this.bitsEqual(entry, bits)) return true;
    }
  }

  /** Adds a pair that `contains` just said is absent (the bitset is copied). */
  add(stateId: number, setHash: number, bits: Uint32Array): void {
    const hash = pairHash(stateId, setHash);
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = this.append(hash, stateId, bits);
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private bitsEqual(entry: number, bits: Uint32Array): boolean {
    const offset = entry * this.wordCount;
    for (let word = 0; word < this.wordCount; word++) {
      if (this.words[offset + word] !== bits[word]) return false;
    }
    return true;
  }

  private append(hash: number, stateId: number, bits: Uint32Array): number {
    const entry = this.count;
    if (entry === this.hashes.length) this.growPool();
    this.hashes[entry] = hash;
    this.stateIds[entry] = stateId;
    // A loop, not `words.set`: the builtin's call costs more than copying a few words.
    const offset = entry * this.wordCount;
    for (let word = 0; word < this.wordCount; word++) this.words[offset + word] = bits[word]!;
    this.count += 1;
    return entry;
  }

  private growPool(): void {
    const capacity = this.hashes.length * GROWTH;
    this.hashes = grown(this.hashes, capacity);
    this.stateIds = grown(this.stateIds, capacity);
    const words = new Uint32Array(capacity * this.wordCount);
    words.set(this.words);
    this.words = words;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * GROWTH).fill(EMPTY);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
  }
}

function grown(array: Int32Array, capacity: number): Int32Array<ArrayBuffer> {
  const copy = new Int32Array(capacity);
  copy.set(array);
  return copy;
}
