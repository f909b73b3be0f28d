// A bound on how much YAML a scenario may hold, checked before the document is built. The yaml
// library needs about 200 bytes of heap per byte of dense flow YAML (a 10 MB file of 180,000
// faults ran out of a 1 GB heap after 100 s), so the 10 MB file cap alone does not bound memory.
// Counting the lexer's tokens is cheap (0.2 s and a few MB per MB of text) and bounds what the
// parser will build: at the bound, parsing takes about 3 s and 300 MB. Hand-written scenarios
// hold a few thousand tokens; generated fault lists this long belong in `random:` faults.

import { Lexer } from 'yaml';

export const YAML_TOKEN_COUNT_MAX = 1_000_000;

/** Where the text passes `tokenCountMax` tokens (a character offset), or null within it. */
export function offsetPastTokenBound(text: string, tokenCountMax = YAML_TOKEN_COUNT_MAX): number | null {
  let tokenCount = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    tokenCount++;
    if (tokenCount > tokenCountMax) return offset;
    offset += token.length;
  }
  return null;
}
