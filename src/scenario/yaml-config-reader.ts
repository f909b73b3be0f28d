// The ConfigReader over one YAML map node. Every read marks its key as known; `finish()` reports
// the keys present but never read, with a did-you-mean over the keys that were asked for (or a
// fixed list, for sections whose keys are known up front). Problems go to the shared collector
// and reading goes on: a failed read returns the default or a neutral value.

import { isMap, isScalar, type Pair, type YAMLMap } from 'yaml';
import type { JsonSchema, KeyDoc, NumberOptions } from '../model/config-reader.js';
import { suggestionHint } from './did-you-mean.js';
import { parseDistributionMap } from './distribution-parser.js';
import type { ReaderContext } from './reader-context.js';
import type { StructuredReader } from './structured-reader.js';
import type { DistributionSpec } from './types.js';
import { describeValue } from './units.js';
import {
  booleanAt,
  durationAt,
  listAt,
  nodeNameAt,
  nodeNamesAt,
  numberAt,
  plainValue,
  ppmAt,
  signedDurationAt,
  probabilityAt,
  ratePerSecondAt,
  resolveNode,
  stringAt,
  type ValueAt,
} from './yaml-values.js';

const NEUTRAL_DISTRIBUTION: DistributionSpec = { kind: 'constant', valueUs: 0 };

export function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** The map at `at`, or null after reporting that it is not a map. */
export function mapNodeAt(context: ReaderContext, at: ValueAt, what = 'a map'): YAMLMap | null {
  const node = resolveNode(context, at.node);
  if (!isMap(node)) {
    context.problems.report(at, `expected ${what}, got ${describeValue(plainValue(context, at.node))}`);
    return null;
  }
  return node as YAMLMap;
}

/** A reader for the map at `at`, or null after reporting that it is not a map. */
export function mapReaderAt(context: ReaderContext, at: ValueAt, what = 'a map'): YamlConfigReader | null {
  const node = mapNodeAt(context, at, what);
  return node === null ? null : new YamlConfigReader(context, at.path, node, at.node);
}

export class YamlConfigReader implements StructuredReader {
  private readonly readKeys = new Set<string>();
  private readonly knownKeys = new Set<string>();
  private fixedKeys: readonly string[] | null = null;

  constructor(
    readonly context: ReaderContext,
    readonly path: string,
    private readonly map: YAMLMap,
    /** Where the map is written (an alias, or the map itself). */
    private readonly anchor: unknown = map,
  ) {}

  /** Where the section itself is, for problems about it as a whole. */
  get at(): ValueAt {
    return { node: this.anchor, path: this.path };
  }

  has(key: string): boolean {
    this.knownKeys.add(key);
    return this.pair(key) !== undefined;
  }

  keys(): readonly string[] {
    return this.map.items.map((pair) => keyText(pair.key));
  }

  /** Declares the keys this section accepts, for `finish()`'s hints (top-level sections). */
  expectKeys(keys: readonly string[]): this {
    this.fixedKeys = keys;
    return this;
  }

  /** Declares keys as known (for hints) without reading them. */
  know(...keys: string[]): this {
    for (const key of keys) this.knownKeys.add(key);
    return this;
  }

  /** The value of `key` with its path, marked read; undefined when absent. */
  value(key: string): ValueAt | undefined {
    this.knownKeys.add(key);
    this.readKeys.add(key);
    const pair = this.pair(key);
    if (pair === undefined) return undefined;
    return { node: pair.value ?? pair.key, path: childPath(this.path, key) };
  }

  /** The value of a required key; reports it missing (at the section) when absent. */
  required(key: string, what?: string): ValueAt | undefined {
    const at = this.value(key);
    if (at === undefined) {
      this.context.problems.report(
        { node: this.anchor, path: childPath(this.path, key) },
        `missing required key \`${key}\`${what ? ` (${what})` : ''}`,
      );
    }
    return at;
  }

  private read<T, D>(key: string, options: { readonly default?: D } | undefined, parse: (at: ValueAt) => T | null, neutral: T): T | D {
    const hasDefault = options !== undefined && 'default' in options;
    const at = hasDefault ? this.value(key) : this.required(key);
    if (at === undefined) return hasDefault ? (options.default as D) : neutral;
    const value = parse(at);
    if (value !== null) return value;
    return hasDefault && options.default !== null ? (options.default as D) : neutral;
  }

  duration(key: string, options?: NumberOptions<number | null>): number {
    return this.read(key, options, (at) => durationAt(this.context, at, options), 0) as number;
  }

  durationOrNull(key: string, _options?: KeyDoc): number | null {
    return this.read(key, { default: null }, (at) => durationAt(this.context, at), null);
  }

  signedDuration(key: string, options?: NumberOptions<number | null>): number {
    return this.read(key, options, (at) => signedDurationAt(this.context, at, options), 0) as number;
  }

  ppm(key: string, options?: NumberOptions<number | null>): number {
    return this.read(key, options, (at) => ppmAt(this.context, at, options), 0) as number;
  }

  number(key: string, options?: NumberOptions<number | null>): number {
    return this.read(key, options, (at) => numberAt(this.context, at, options), options?.min ?? 0) as number;
  }

  probability(key: string, options?: KeyDoc & { readonly default?: number }): number {
    return this.read(key, options, (at) => probabilityAt(this.context, at), 0);
  }

  ratePerSecond(key: string, options?: NumberOptions<number | null>): number {
    return this.read(key, options, (at) => ratePerSecondAt(this.context, at, options), 0) as number;
  }

  string(key: string, options?: KeyDoc & { readonly default?: string; readonly oneOf?: readonly string[] }): string {
    const neutral = options?.oneOf?.[0] ?? '';
    return this.read(key, options, (at) => stringAt(this.context, at, options?.oneOf), neutral);
  }

  boolean(key: string, options?: KeyDoc & { readonly default?: boolean }): boolean {
    return this.read(key, options, (at) => booleanAt(this.context, at), false);
  }

  distribution(key: string, options?: KeyDoc & { readonly default?: DistributionSpec }): DistributionSpec {
    return this.read(key, options, (at) => this.distributionAt(at), NEUTRAL_DISTRIBUTION);
  }

  /** A distribution map, or a bare duration (a constant). */
  distributionAt(at: ValueAt): DistributionSpec | null {
    if (isMap(resolveNode(this.context, at.node))) {
      const reader = mapReaderAt(this.context, at);
      return reader === null ? null : parseDistributionMap(reader);
    }
    const value = plainValue(this.context, at.node);
    if (Array.isArray(value)) {
      this.context.problems.report(
        at,
        'expected a duration such as 5ms or a distribution such as { dist: exponential, mean: 5ms }, got a list',
      );
      return null;
    }
    const us = durationAt(this.context, at);
    return us === null ? null : { kind: 'constant', valueUs: us };
  }

  nodeName(key: string, options?: KeyDoc & { readonly default?: string }): string {
    return this.read(key, options, (at) => nodeNameAt(this.context, at), '');
  }

  nodeNames(key: string, options?: KeyDoc & { readonly default?: readonly string[] }): string[] {
    return [...this.read(key, options, (at) => nodeNamesAt(this.context, at), [] as readonly string[])];
  }

  section(key: string, _options?: KeyDoc): YamlConfigReader | null {
    const at = this.value(key);
    return at === undefined ? null : mapReaderAt(this.context, at);
  }

  /** A reader for a map found inside this section (e.g. a list item). */
  mapAt(at: ValueAt, what?: string): YamlConfigReader | null {
    return mapReaderAt(this.context, at, what);
  }

  /** The items of a list under `key` (null when absent or not a list, which is reported). */
  list(key: string, options: { readonly required?: boolean } = {}): ValueAt[] | null {
    const at = options.required ? this.required(key) : this.value(key);
    return at === undefined ? null : listAt(this.context, at);
  }

  raw(key: string, _options?: KeyDoc & { readonly accepts?: JsonSchema }): unknown {
    const at = this.value(key);
    if (at === undefined) return undefined;
    const node = resolveNode(this.context, at.node) as { toJS?: (doc: unknown) => unknown };
    return typeof node?.toJS === 'function' ? node.toJS(this.context.document) : plainValue(this.context, at.node);
  }

  error(key: string | null, message: string, hint?: string): void {
    const pair = key === null ? undefined : this.pair(key);
    const node = pair === undefined ? this.anchor : (pair.value ?? pair.key);
    const path = key === null ? this.path : childPath(this.path, key);
    this.context.problems.report({ node, path }, message, hint);
  }

  finish(): void {
    const candidates = this.fixedKeys ?? [...this.knownKeys];
    for (const pair of this.map.items) {
      const key = keyText(pair.key);
      if (this.readKeys.has(key)) continue;
      if (this.fixedKeys?.includes(key)) continue;
      const hint = suggestionHint(key, candidates, this.path === '' ? 'known keys' : `keys of ${this.path}`);
      this.context.problems.report({ node: pair.key, path: childPath(this.path, key) }, `unknown key \`${key}\``, hint);
    }
  }

  private pair(key: string): Pair | undefined {
    return this.map.items.find((pair) => keyText(pair.key) === key) as Pair | undefined;
  }
}

function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
