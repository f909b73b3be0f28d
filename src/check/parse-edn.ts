// A small EDN reader, enough for Jepsen and Knossos histories: maps, vectors, lists, sets,
// keywords, symbols, strings, characters, integers, floats, nil, true/false, comments, `#_`
// discards and tagged literals (the tag is dropped). Values become plain data (see EdnValue).

/** A keyword such as `:ok`, kept apart from strings. */
export class Keyword {
  constructor(readonly name: string) {}
  toString(): string {
    return `:${this.name}`;
  }
}

/** A symbol such as `foo`; rare in histories. */
export class EdnSymbol {
  constructor(readonly name: string) {}
}

export interface EdnMap {
  readonly kind: 'map';
  readonly entries: readonly (readonly [EdnValue, EdnValue])[];
  /** 1-based line where the map opens. */
  readonly line: number;
}

export type EdnValue = null | boolean | number | string | Keyword | EdnSymbol | EdnMap | readonly EdnValue[];

export class EdnSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'EdnSyntaxError';
  }
}

/** The value under a keyword key of a map, or undefined when absent. */
export function ednGet(map: EdnMap, keyword: string): EdnValue | undefined {
  // Indexes, not `for (const [key, value] of …)`: destructuring runs the iterator protocol, slow
  // until the JIT compiles it, and a history's maps are read once.
  const entries = map.entries;
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const key = entry[0];
    if (key instanceof Keyword && key.name === keyword) return entry[1];
  }
  return undefined;
}

const NEWLINE = 0x0a;
/** A token runs up to white space, a comma or a delimiter. */
const TOKEN = /[^ \n\t\r,()[\]{}";]+/y;
/** The rest of a string without escapes or newlines, and its closing quote. */
const PLAIN_STRING = /[^"\\\n]*"/y;

/** Reads every top-level form of `text`. */
export function parseEdn(text: string): EdnValue[] {
  return [...ednForms(text)];
}

/** The top-level forms of `text` one at a time, so a caller need not hold them all. */
export function* ednForms(text: string): Generator<EdnValue> {
  const reader = new EdnReader(text);
  for (;;) {
    reader.skipSpace();
    if (reader.atEnd()) return;
    yield reader.read();
  }
}

/** One Keyword object per name: a history repeats `:type`, `:ok`, `:f` a million times. */
const internedKeywords = new Map<string, Keyword>();

function keyword(name: string): Keyword {
  let interned = internedKeywords.get(name);
  if (interned === undefined) {
    interned = new Keyword(name);
    if (internedKeywords.size < 10_000) internedKeywords.set(name, interned);
  }
  return interned;
}

/** Deepest nesting of lists, vectors, maps and sets read. */
export const EDN_NESTING_DEPTH_MAX = 1000;

class EdnReader {
  private depth = 0;
  private position = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.position >= this.text.length;
  }

  skipSpace(): void {
    const text = this.text;
    while (this.position < text.length) {
      const code = text.charCodeAt(this.position);
      if (code === NEWLINE) {
        this.position += 1;
        this.line += 1;
        this.lineStart = this.position;
      } else if (code === 0x20 || code === 0x09 || code === 0x0d || code === 0x2c) {
        this.position += 1;
      } else if (code === 0x3b) {
        while (this.position < text.length && text.charCodeAt(this.position) !== NEWLINE) this.position += 1;
      } else {
        return;
      }
    }
  }

  private fail(message: string): never {
    throw new EdnSyntaxError(message, this.line, this.position - this.lineStart + 1);
  }

  read(): EdnValue {
    this.depth += 1;
    // Histories nest a few levels; a deeper value is hostile or broken input, not a stack overflow.
    if (this.depth > EDN_NESTING_DEPTH_MAX) this.fail(`values nested deeper than ${EDN_NESTING_DEPTH_MAX} levels`);
    const value = this.readValue();
    this.depth -= 1;
    return value;
  }

  private readValue(): EdnValue {
    this.skipSpace();
    if (this.atEnd()) this.fail('unexpected end of input');
    const char = this.text[this.position];
    switch (char) {
      case '[':
      case '(':
        this.position += 1;
        return this.readSequence(char === '[' ? ']' : ')');
      case '{':
        return this.readMap();
      case '"':
        return this.readString();
      case '#':
        return this.readDispatch();
      case ')':
      case ']':
      case '}':
        return this.fail(`unexpected ${char}`);
      case '\\':
        return this.readCharacter();
      default:
        return this.readAtom();
    }
  }

  private readSequence(close: string): EdnValue[] {
    const items: EdnValue[] = [];
    for (;;) {
      this.skipSpace();
      if (this.atEnd()) this.fail(`missing ${close}`);
      if (this.text[this.position] === close) {
        this.position += 1;
        return items;
      }
      items.push(this.read());
    }
  }

  private readMap(): EdnMap {
    const line = this.line;
    this.position += 1;
    const items = this.readSequence('}');
    if (items.length % 2 !== 0) this.fail('a map needs an even number of forms');
    const entries: [EdnValue, EdnValue][] = [];
    for (let index = 0; index < items.length; index += 2) entries.push([items[index], items[index + 1]]);
    return { kind: 'map', entries, line };
  }

  private readString(): string {
    this.position += 1;
    // Most strings hold no escape and no newline: one slice, not a string built char by char.
    const plainEnd = this.plainStringEnd();
    if (plainEnd >= 0) {
      const value = this.text.slice(this.position, plainEnd);
      this.position = plainEnd + 1;
      return value;
    }
    let value = '';
    for (;;) {
      if (this.atEnd()) this.fail('unterminated string');
      const char = this.text[this.position];
      this.position += 1;
      if (char === '"') return value;
      if (char === '\n') {
        this.line += 1;
        this.lineStart = this.position;
      }
      if (char !== '\\') {
        value += char;
        continue;
      }
      const escaped = this.text[this.position];
      this.position += 1;
      const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' };
      if (escaped === 'u') {
        value += String.fromCharCode(parseInt(this.text.slice(this.position, this.position + 4), 16));
        this.position += 4;
      } else if (escaped !== undefined && escaped in escapes) {
        value += escapes[escaped];
      } else {
        this.fail(`unknown escape \\${escaped ?? ''}`);
      }
    }
  }

  /** Where the string starting at `position` closes, or -1 when it has an escape or a newline. */
  private plainStringEnd(): number {
    // Native scans: a history is read once, mostly before the JIT has compiled this reader.
    PLAIN_STRING.lastIndex = this.position;
    return PLAIN_STRING.test(this.text) ? PLAIN_STRING.lastIndex - 1 : -1;
  }

  private readDispatch(): EdnValue {
    const next = this.text[this.position + 1];
    if (next === '{') {
      this.position += 2;
      return this.readSequence('}');
    }
    if (next === '_') {
      this.position += 2;
      this.read();
      return this.read();
    }
    if (next === undefined || /\s/.test(next)) {
      this.fail('`#` followed by a space: EDN comments start with `;`, and `#` begins a tag such as #inst or #{...}');
    }
    // A tagged literal such as #inst "..." or #jepsen.history.Op{...}: keep the value only.
    this.position += 1;
    this.readToken();
    return this.read();
  }

  private readCharacter(): string {
    this.position += 1;
    const token = this.readToken();
    const named: Record<string, string> = { newline: '\n', space: ' ', tab: '\t', return: '\r' };
    return named[token] ?? token;
  }

  private readToken(): string {
    const start = this.position;
    TOKEN.lastIndex = start;
    if (TOKEN.test(this.text)) this.position = TOKEN.lastIndex;
    if (this.position === start) this.fail(`unexpected ${JSON.stringify(this.text[this.position] ?? '')}`);
    return this.text.slice(start, this.position);
  }

  private readAtom(): EdnValue {
    const token = this.readToken();
    if (token === 'nil') return null;
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token.startsWith(':')) return keyword(token.slice(1));
    if (/^[+-]?\d+N?$/.test(token)) return Number(token.replace(/N$/, ''));
    if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?M?$/.test(token)) return Number(token.replace(/M$/, ''));
    return new EdnSymbol(token);
  }
}
