// A check's witness in a short, readable, JSON-like form: keys unquoted, anything that fits on
// one line kept on one line, at most WITNESS_LINES_MAX lines, each cut to the width. The full
// witness is in the JSON document.

export const WITNESS_LINES_MAX = 20;
const INDENT = '  ';

export function renderWitness(witness: unknown, widthColumns: number): string[] {
  const lines = layout(witness, '', '', widthColumns);
  const cut = lines.map((line) => cutLine(line, widthColumns));
  if (cut.length <= WITNESS_LINES_MAX) return cut;
  const hidden = cut.length - (WITNESS_LINES_MAX - 1);
  return [...cut.slice(0, WITNESS_LINES_MAX - 1), `… ${hidden} more lines (the full witness is in the JSON output)`];
}

/** Lines for `value`, the first prefixed by `lead` (e.g. "key: "), all indented by `indent`. */
function layout(value: unknown, indent: string, lead: string, widthColumns: number): string[] {
  const inline = inlineText(value);
  if (inline !== null && indent.length + lead.length + inline.length <= widthColumns) {
    return [indent + lead + inline];
  }
  if (Array.isArray(value)) {
    return [
      `${indent}${lead}[`,
      ...value.flatMap((item) => layout(item, indent + INDENT, '', widthColumns)),
      `${indent}]`,
    ];
  }
  if (value !== null && typeof value === 'object') {
    return [
      `${indent}${lead}{`,
      ...Object.entries(value).flatMap(([key, item]) => layout(item, indent + INDENT, `${keyText(key)}: `, widthColumns)),
      `${indent}}`,
    ];
  }
  return [indent + lead + (inline ?? String(value))];
}

function inlineText(value: unknown): string | null {
  if (value === undefined) return 'undefined';
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) {
    const items = value.map(inlineText);
    return items.some((item) => item === null) ? null : `[${items.join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([key, item]) => {
      const text = inlineText(item);
      return text === null ? null : `${keyText(key)}: ${text}`;
    });
    return entries.some((entry) => entry === null) ? null : `{ ${entries.join(', ')} }`.replace('{  }', '{}');
  }
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json;
}

function keyText(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? key : JSON.stringify(key);
}

function cutLine(line: string, widthColumns: number): string {
  const characters = [...line];
  return characters.length <= widthColumns ? line : characters.slice(0, Math.max(1, widthColumns - 1)).join('') + '…';
}
