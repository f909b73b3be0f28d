// Width-aware text helpers for the terminal report: visible length (ANSI escapes ignored),
// padding, truncation, word wrapping and placing two blocks side by side.
// Pure string functions; no terminal, no colour library. Every glyph the report uses is one
// column wide, so the visible width of a string is its number of code points without escapes.

// Matches SGR colour sequences and other CSI sequences (what chalk emits).
const ANSI_PATTERN = /\u001b\[[0-9;?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI_PATTERN, '');
}

export function visibleLength(text: string): number {
  return [...stripAnsi(text)].length;
}

export function padEndVisible(text: string, widthColumns: number): string {
  const missing = widthColumns - visibleLength(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

export function padStartVisible(text: string, widthColumns: number): string {
  const missing = widthColumns - visibleLength(text);
  return missing > 0 ? ' '.repeat(missing) + text : text;
}

/** Cuts plain text (no escapes) to at most `widthColumns`, ending in "…" when cut. */
export function truncateEnd(text: string, widthColumns: number): string {
  const characters = [...text];
  if (characters.length <= widthColumns) return text;
  if (widthColumns <= 0) return '';
  return characters.slice(0, widthColumns - 1).join('') + '…';
}

/** Cuts plain text (no escapes) keeping its end, e.g. a long file path: "…/scenarios/x.yaml". */
export function truncateStart(text: string, widthColumns: number): string {
  const characters = [...text];
  if (characters.length <= widthColumns) return text;
  if (widthColumns <= 0) return '';
  return '…' + characters.slice(characters.length - widthColumns + 1).join('');
}

/** Wraps plain text at spaces into lines of at most `widthColumns`; over-long words are cut. */
export function wrapWords(text: string, widthColumns: number): string[] {
  const width = Math.max(1, widthColumns);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter((part) => part.length > 0)) {
      const candidate = line.length === 0 ? word : `${line} ${word}`;
      if ([...candidate].length <= width) {
        line = candidate;
        continue;
      }
      if (line.length > 0) lines.push(line);
      line = truncateEnd(word, width);
    }
    lines.push(line);
  }
  return lines;
}

/** Places two blocks of lines next to each other, the left one padded to its widest line. */
export function sideBySide(left: readonly string[], right: readonly string[], gapColumns: number): string[] {
  const leftWidth = Math.max(0, ...left.map(visibleLength));
  const rowCount = Math.max(left.length, right.length);
  const rows: string[] = [];
  for (let row = 0; row < rowCount; row++) {
    const rightText = right[row] ?? '';
    const leftText = left[row] ?? '';
    rows.push(rightText === '' ? leftText : padEndVisible(leftText, leftWidth + gapColumns) + rightText);
  }
  return rows;
}

export function widestLine(lines: readonly string[]): number {
  return Math.max(0, ...lines.map(visibleLength));
}
