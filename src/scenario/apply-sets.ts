// `--set path=value` overrides, applied to the YAML document before validation. The value is
// parsed as YAML; missing maps along the path are created. Every node a set creates is recorded
// in `setOrigins`, so that a problem with it is reported as `--set <expression>`, not as a line
// of the file.

import { isMap, isScalar, isSeq, Pair, parseDocument, Scalar, visit, YAMLMap, type Document, type Node } from 'yaml';
import type { InputProblem } from '../errors/input-error.js';

export type SetPathSegment = string | number;

/** `network.links[0].loss` -> ['network', 'links', 0, 'loss'], or an error message. */
export function parseSetPath(text: string): SetPathSegment[] | string {
  const segments: SetPathSegment[] = [];
  let rest = text;
  while (rest.length > 0) {
    const key = segments.length === 0 ? /^([A-Za-z_][\w-]*)/.exec(rest) : /^\.([A-Za-z_][\w-]*)/.exec(rest);
    const index = /^\[(\d+)\]/.exec(rest);
    if (key) segments.push(key[1]);
    else if (index && segments.length > 0) segments.push(Number(index[1]));
    else return `invalid key path ${JSON.stringify(text)}, expected e.g. network.loss or faults[2].at`;
    rest = rest.slice((key ?? index)![0].length);
  }
  if (segments.length === 0) return 'the key path is empty, expected e.g. network.loss=0.05';
  return segments;
}

export function formatSetPath(segments: readonly SetPathSegment[]): string {
  return segments.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/** Applies each expression in order; returns the problems (located as `--set ...`). */
export function applySets(document: Document, sets: readonly string[], setOrigins: WeakMap<object, string>): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const expression of sets) {
    const problem = (path: string, message: string, hint?: string): void => {
      problems.push({ file: `--set ${expression}`, line: 0, column: 0, path, message, ...(hint ? { hint } : {}) });
    };
    const equals = expression.indexOf('=');
    if (equals < 0) {
      problem('', 'expected path=value', 'e.g. --set network.loss=0.05');
      continue;
    }
    const segments = parseSetPath(expression.slice(0, equals).trim());
    if (typeof segments === 'string') {
      problem('', segments);
      continue;
    }
    const path = formatSetPath(segments);
    const valueDocument = parseDocument(expression.slice(equals + 1), { prettyErrors: false });
    if (valueDocument.errors.length > 0) {
      problem(path, `the value is not valid YAML: ${firstLine(valueDocument.errors[0].message)}`, 'quote it, e.g. --set \'name="a: b"\'');
      continue;
    }
    const value = (valueDocument.contents ?? new Scalar(null)) as Node;
    visit(value, (_key, node) => {
      if (typeof node === 'object' && node !== null) setOrigins.set(node, expression);
    });
    setOrigins.set(value, expression);
    const failure = setIn(document, segments, value, (node) => setOrigins.set(node, expression));
    if (failure !== null) problem(path, failure);
  }
  return problems;
}

/** Puts `value` at `segments`, creating maps on the way; returns an error message or null. */
function setIn(document: Document, segments: readonly SetPathSegment[], value: Node, created: (node: object) => void): string | null {
  if (document.contents === null || document.contents === undefined) {
    const root = new YAMLMap();
    created(root);
    document.contents = root;
  }
  let parent: unknown = document.contents;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const last = i === segments.length - 1;
    const where = formatSetPath(segments.slice(0, i)) || 'the scenario';
    if (typeof segment === 'number') {
      if (!isSeq(parent)) return `${where} is not a list`;
      if (segment > parent.items.length || (!last && segment === parent.items.length)) {
        return `${where} has ${parent.items.length} entries; there is no [${segment}]`;
      }
      if (last) {
        parent.items[segment] = value;
        return null;
      }
      parent = parent.items[segment];
      continue;
    }
    if (!isMap(parent)) return `${where} is not a map`;
    let pair = parent.items.find((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment);
    if (pair === undefined) {
      const key = new Scalar(segment);
      created(key);
      pair = new Pair(key, last ? value : new YAMLMap());
      if (!last) created(pair.value as object);
      parent.items.push(pair);
    } else if (last) {
      pair.value = value;
    }
    if (last) return null;
    parent = pair.value;
  }
  return null;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
