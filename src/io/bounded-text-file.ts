// Reads a text file with a size cap, in chunks, so that an endless or enormous input (/dev/zero,
// /dev/urandom, a 20 GB log) is refused after `maxBytes` instead of filling memory, and bytes that
// are not UTF-8 are refused instead of silently turned into U+FFFD.

import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 1 << 20;

export class UnreadableTextError extends Error {}

export function readTextFileBounded(path: string, maxBytes: number): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw new UnreadableTextError(`larger than ${formatBytes(maxBytes)}: refused (a file this big is most likely not what was meant)`);
      chunks.push(chunk.subarray(0, read));
    }
    return decodeUtf8(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}

function decodeUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8Byte(bytes);
    const before = bytes.subarray(0, at);
    const line = before.filter((byte) => byte === 0x0a).length + 1;
    const column = at - (before.lastIndexOf(0x0a) + 1) + 1;
    throw new UnreadableTextError(`not UTF-8 text: byte ${at + 1} (line ${line}, column ${column}) is not valid UTF-8; save the file as UTF-8`);
  }
}

/** The offset of the first byte where decoding fails (binary search over prefixes). */
function firstInvalidUtf8Byte(bytes: Buffer): number {
  const validUpTo = (end: number): boolean => {
    try {
      // stream: an incomplete sequence at the end of the prefix is not an error yet.
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
      return true;
    } catch {
      return false;
    }
  };
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (validUpTo(middle)) low = middle;
    else high = middle - 1;
  }
  // The error shows at the byte that breaks a sequence; the culprit is where that sequence began.
  for (let start = low; start >= Math.max(0, low - 3); start--) {
    if (decodesCompletely(bytes.subarray(0, start))) return start;
  }
  return low;
}

function decodesCompletely(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1 << 20 ? `${Math.round(bytes / (1 << 20))} MB` : `${bytes} bytes`;
}
