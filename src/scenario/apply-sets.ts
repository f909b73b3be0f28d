// `--set path=value` overrides, applied to the YAML document before validation. The value is
// parsed as YAML; missing maps along the path are created. Every node a set creates is recorded
// in `setOrigins`, so that a problem with it is reported as `--set <expression>`, not as a line
// of the file. Copy on write: no node of the file's document is changed; the maps and lists along
// a set's path are replaced by copies (keeping their positions), so that many runs can apply their
// own sets to one parsed document (src/scenario/parsed-scenario-text.ts), each on a shallow copy
// of the document.

import { isCollection, isMap, isScalar, isSeq, Pair, parseDocument, Scalar, visit, YAMLMap, type Document, type Node, type YAMLSeq } from 'yaml';
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

/**
 * Applies each expression in order to `document`, replacing (never changing) the nodes on each
 * path; returns the problems (located as `--set ...`).
 */
export function applySets(document: Document, sets: readonly string[], setOrigins: WeakMap<object, string>): InputProblem[] {
  const problems: InputProblem[] = [];
  /** Nodes this call made (created or copied): changed in place; every other node is the file's. */
  const owned = new WeakSet<object>();
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
      if (typeof node === 'object' && node !== null) {
        setOrigins.set(node, expression);
        owned.add(node);
      }
    });
    setOrigins.set(value, expression);
    owned.add(value);
    const created = (node: object): void => {
      setOrigins.set(node, expression);
      owned.add(node);
    };
    const failure = setIn(document, segments, value, { created, owned });
    if (failure !== null) problem(path, failure);
  }
  return problems;
}

interface SetInNodes {
  /** Called with each node the set creates. */
  readonly created: (node: object) => void;
  /** Nodes that may be changed in place (made by this applySets call). */
  readonly owned: WeakSet<object>;
}

/** Puts `value` at `segments`, creating maps and copying the file's on the way; returns an error message or null. */
function setIn(document: Document, segments: readonly SetPathSegment[], value: Node, nodes: SetInNodes): string | null {
  if (document.contents === null || document.contents === undefined) {
    const root = new YAMLMap();
    nodes.created(root);
    document.contents = root;
  }
  document.contents = ownedCopy(document.contents, nodes.owned);
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
      parent = parent.items[segment] = ownedCopy(parent.items[segment], nodes.owned);
      continue;
    }
    if (!isMap(parent)) return `${where} is not a map`;
    const index = parent.items.findIndex((item) => (isScalar(item.key) ? String(item.key.value) : String(item.key)) === segment);
    if (index < 0) {
      const key = new Scalar(segment);
      nodes.created(key);
      const child = last ? value : new YAMLMap();
      if (!last) nodes.created(child);
      parent.items.push(new Pair(key, child));
      parent = child;
    } else {
      const pair = parent.items[index];
      const child = last ? value : ownedCopy(pair.value, nodes.owned);
      parent.items[index] = new Pair(pair.key, child);
      parent = child;
    }
    if (last) return null;
  }
  return null;
}

/** `node` itself when this call made it; a copy of a map or list of the file (items copied, positions kept); anything else as is. */
function ownedCopy<T>(node: T, owned: WeakSet<object>): T {
  if (!isCollection(node) || owned.has(node)) return node;
  const copy = Object.create(Object.getPrototypeOf(node), Object.getOwnPropertyDescriptors(node)) as YAMLMap | YAMLSeq;
  copy.items = [...node.items] as typeof copy.items;
  owned.add(copy);
  return copy as T;
}

function firstLine(text: string): string {
  return text.split('\n')[0];
}
