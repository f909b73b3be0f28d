// The 32-bit mix the checker's hash tables share (the memo, the state numbering, the step cache):
// MurmurHash3's finalizer, a bijection on 32 bits that spreads nearby integers over the slots.

export function mix32(value: number): number {
  let h = value | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}
