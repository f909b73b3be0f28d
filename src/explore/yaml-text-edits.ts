// Edits of a scenario's YAML text that leave everything else byte for byte as it was written: the
// lesson comments, the alignment, the flow maps. A value is replaced at its source range (from the
// yaml parser's node ranges), a missing key is inserted as one line (or into a flow map), a
// top-level key is deleted with its value. Only when an edit cannot be done in place (a path
// through a list that does not reach far enough, a document that is not a block map) is the whole
// document re-printed by the yaml library. Pure: text in, text out.

import { isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { assert } from '../model/assert.js';
import { flowText } from './flow-text.js';

export type ValuePath = readonly (string | number)[];

export interface TextEdit {
  readonly path: ValuePath;
  /** The new value (plain YAML data); undefined deletes the key (top-level keys only). */
  readonly value: unknown;
  /** Where a missing top-level key goes: before this key when present (default: at the end). */
  readonly insertBefore?: readonly string[];
  /** Write a list as one `- item` line per entry (a block list) rather than `[...]`. */
  readonly block?: boolean;
}

export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  return edits.reduce(applyTextEdit, text);
}

export function applyTextEdit(text: string, edit: TextEdit): string {
  const document = parse(text);
  if (!isMap(document.contents) || document.contents.flow) return reprinted(document, edit);
  if (edit.value === undefined) return deleteTopLevel(text, document.contents, edit.path);
  let parent: unknown = document.contents;
  for (let depth = 0; depth < edit.path.length; depth++) {
    const segment = edit.path[depth]!;
    const rest = edit.path.slice(depth + 1);
    if (isMap(parent) && typeof segment === 'string') {
      const pair = pairOf(parent, segment);
      if (pair === undefined) return insertKey(text, parent, segment, nest(rest, edit.value), depth === 0 ? edit : { ...edit, insertBefore: [] });
      if (rest.length === 0) return replacePairValue(text, pair, edit);
      parent = pair.value;
    } else if (isSeq(parent) && typeof segment === 'number' && segment < parent.items.length) {
      if (rest.length === 0) return replaceRange(text, parent.items[segment] as Node, flowText(edit.value));
      parent = parent.items[segment];
    } else {
      return reprinted(document, edit);
    }
  }
  return reprinted(document, edit);
}

function parse(text: string): Document {
  const document = parseDocument(text, { keepSourceTokens: false });
  assert(document.errors.length === 0, `editing a scenario text that does not parse: ${document.errors[0]?.message ?? ''}`);
  return document;
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key)) === key);
}

/** `{ a: { b: value } }` for the path ['a', 'b'] below a missing key. */
function nest(rest: ValuePath, value: unknown): unknown {
  return rest.reduceRight<unknown>((inner, segment) => (typeof segment === 'number' ? [inner] : { [segment]: inner }), value);
}

function rangeOf(node: unknown): readonly [number, number, number] {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  assert(range !== undefined && range !== null, 'a parsed node without a source range');
  return range;
}

function columnOf(text: string, position: number): number {
  return position - (text.lastIndexOf('\n', position - 1) + 1);
}

function replaceRange(text: string, node: Node, replacement: string): string {
  const [start, end] = rangeOf(node);
  return text.slice(0, start) + replacement + text.slice(end);
}

/** Replaces everything after the key's colon up to the end of the value (its trailing comments too). */
function replacePairValue(text: string, pair: Pair, edit: TextEdit): string {
  const keyEnd = rangeOf(pair.key)[1];
  const colon = text.indexOf(':', keyEnd);
  assert(colon >= 0, 'a map key without its colon');
  const value = pair.value as Node | null;
  const valueEnd = value === null ? colon + 1 : rangeOf(value)[1];
  const old = text.slice(colon + 1, valueEnd);
  const keyColumn = columnOf(text, rangeOf(pair.key)[0]);
  const blockColumn = value !== null && !isScalar(value) && !(value as { flow?: boolean }).flow ? columnOf(text, rangeOf(value)[0]) : keyColumn + 2;
  const rendered = renderValue(edit, blockColumn);
  return text.slice(0, colon + 1) + rendered + (old.endsWith('\n') ? '\n' : '') + text.slice(valueEnd);
}

/** ` value` on the key's line, or a block list on the following lines at `column`. */
function renderValue(edit: TextEdit, column: number): string {
  if (edit.block === true && Array.isArray(edit.value) && edit.value.length > 0) {
    const indent = ' '.repeat(column);
    return edit.value.map((item) => `\n${indent}- ${flowText(item)}`).join('');
  }
  return ` ${flowText(edit.value)}`;
}

function insertKey(text: string, map: YAMLMap, key: string, value: unknown, edit: TextEdit): string {
  const line = (column: number): string => `${' '.repeat(column)}${flowText(key)}:${renderValue({ ...edit, value }, column + 2)}\n`;
  if (map.flow) {
    const end = rangeOf(map)[1];
    const close = text.lastIndexOf('}', end);
    const body = text.slice(rangeOf(map)[0] + 1, close);
    const separator = body.trim() === '' ? ' ' : ', ';
    const insertAt = body.trim() === '' ? close : rangeOf(map)[0] + 1 + body.trimEnd().length;
    return `${text.slice(0, insertAt)}${separator}${flowText(key)}: ${flowText(value)}${body.trim() === '' ? ' ' : ''}${text.slice(insertAt)}`;
  }
  const first = map.items[0];
  if (first === undefined) return reprinted(parse(text), { ...edit, path: [key], value });
  const column = columnOf(text, rangeOf(first.key)[0]);
  const before = (edit.insertBefore ?? []).map((name) => pairOf(map, name)).find((pair) => pair !== undefined);
  if (before !== undefined) {
    const start = rangeOf(before.key)[0];
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    return text.slice(0, lineStart) + line(column) + text.slice(lineStart);
  }
  const last = map.items[map.items.length - 1]!;
  const lastEnd = last.value === null ? rangeOf(last.key)[1] : rangeOf(last.value)[1];
  const lineEnd = text.indexOf('\n', Math.max(lastEnd - 1, 0));
  const at = lineEnd < 0 ? text.length : lineEnd + 1;
  const head = at === text.length && !text.endsWith('\n') ? `${text}\n` : text.slice(0, at);
  return head + line(column) + text.slice(at);
}

/** Deletes a top-level key, its value and the rest of the value's last line. */
function deleteTopLevel(text: string, root: YAMLMap, path: ValuePath): string {
  assert(path.length === 1 && typeof path[0] === 'string', 'only top-level keys are deleted');
  const pair = pairOf(root, path[0]);
  if (pair === undefined) return text;
  const start = text.lastIndexOf('\n', rangeOf(pair.key)[0] - 1) + 1;
  const valueEnd = pair.value === null ? rangeOf(pair.key)[1] : rangeOf(pair.value)[1];
  const lineEnd = text.indexOf('\n', Math.max(valueEnd - 1, start));
  return text.slice(0, start) + (lineEnd < 0 ? '' : text.slice(lineEnd + 1));
}

/** The fallback: the edit through the yaml library, the whole document printed again. */
function reprinted(document: Document, edit: TextEdit): string {
  if (edit.value === undefined) document.deleteIn(edit.path);
  else document.setIn(edit.path, document.createNode(edit.value));
  return document.toString({ lineWidth: 0 });
}
