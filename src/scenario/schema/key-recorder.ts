// A reader that reads no scenario: it records every key the loader's own code asks for (name,
// shape, default, bounds, allowed words, description, required or not), so that `ddsim schema`
// describes exactly what the loader reads, with no second copy of the key tables. It subclasses
// the YAML reader so that the section parsers, fault kinds and models run on it unchanged.
//
// Values it returns are neutral (the default, or a harmless value); one exploration run answers
// a few questions differently (`RecordingForcing`: a key absent, only one key present, a string
// with another allowed value) so that code behind `has()` or a `kind:` is reached too
// (see exploration.ts). Problems the code reports are ignored.

import { Document, LineCounter, YAMLMap } from 'yaml';
import type { LinkSelection, NodeGroupItem, NodeSelection } from '../../faults/fault-kind.js';
import type { DistributionSpec } from '../../model/distribution.js';
import type { JsonSchema, KeyDoc, NumberOptions } from '../../model/config-reader.js';
import { YamlFaultEntryReader } from '../fault-entry-reader.js';
import { ProblemCollector } from '../problem-collector.js';
import type { ReaderContext } from '../reader-context.js';
import { childPath } from '../yaml-config-reader.js';
import type { ValueAt } from '../yaml-values.js';

export type KeyShape =
  | 'duration'
  | 'signed-duration'
  | 'ppm'
  | 'number'
  | 'probability'
  | 'rate'
  | 'string'
  | 'boolean'
  | 'distribution'
  | 'node-name'
  | 'node-names'
  | 'node-selection'
  | 'single-node-selection'
  | 'link-selection'
  | 'node-groups'
  | 'role'
  | 'section'
  | 'list'
  | 'raw'
  | 'any';

/** Shapes that a later, typed read of the same key replaces. */
const UNTYPED: readonly KeyShape[] = ['raw', 'any'];

export interface KeyRecord {
  readonly key: string;
  readonly shape: KeyShape;
  readonly required: boolean;
  readonly description?: string;
  /** As the reader was given it: microseconds, a DistributionSpec, a list of names... */
  readonly default?: unknown;
  readonly hasDefault: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
  readonly oneOf?: readonly string[];
  readonly accepts?: JsonSchema;
}

/** Every key one section (a map at a key path) was asked for in one run. */
export interface SectionRecord {
  readonly path: string;
  readonly keys: Map<string, KeyRecord>;
  /** `finish()` was called: the section rejects keys it did not read. */
  closed: boolean;
  /** Keys the section accepts without reading them (`expectKeys`). */
  fixedKeys: readonly string[];
  /** alias -> main key (config-aliases.ts). */
  readonly aliases: Map<string, string>;
  /** Keys `has()` was asked about before they were read: optional even without a default. */
  readonly asked: Set<string>;
  /** The value each string key was answered with in this run. */
  readonly answers: Map<string, unknown>;
}

/** What one exploration run answers differently from the baseline. */
export interface RecordingForcing {
  /** Full key paths reported absent. */
  readonly absent: readonly string[];
  /** Section path -> the only key present in it. */
  readonly solo: Readonly<Record<string, string>>;
  /** Full key path -> the word a string key is answered with. */
  readonly strings: Readonly<Record<string, string>>;
  /**
   * 0: values are the defaults; 1: every value differs (numbers grow, three nodes exist), so
   * that a default computed from other values shows by changing.
   */
  readonly variant: 0 | 1;
}

export const BASELINE: RecordingForcing = { absent: [], solo: {}, strings: {}, variant: 0 };

/** The key standing for any key of a map whose keys are names (clock overrides, sweep paths). */
export const ANY_KEY = '*';

const SAMPLE_NODES = ['node-1', 'node-2', 'node-3'];

/** The records of one run. */
export class RecordingSession {
  readonly sections = new Map<string, SectionRecord>();
  readonly context: ReaderContext;

  constructor(readonly forcing: RecordingForcing) {
    const lineCounter = new LineCounter();
    const problems = new ProblemCollector({ file: '(schema)', lineCounter, setOrigins: new WeakMap() });
    const nodeNames = forcing.variant === 1 ? SAMPLE_NODES : [];
    this.context = { document: new Document(), problems, topology: { nodeNames, complete: false } };
  }

  section(path: string): SectionRecord {
    let record = this.sections.get(path);
    if (record === undefined) {
      record = { path, keys: new Map(), closed: false, fixedKeys: [], aliases: new Map(), asked: new Set(), answers: new Map() };
      this.sections.set(path, record);
    }
    return record;
  }

  /** A recorder for the map at `path`. */
  reader(path: string): KeyRecorder {
    return new KeyRecorder(this, path);
  }
}

export class KeyRecorder extends YamlFaultEntryReader {
  private readonly record: SectionRecord;

  constructor(
    private readonly session: RecordingSession,
    path: string,
  ) {
    super(session.context, path, new YAMLMap(), null, null);
    this.record = session.section(path);
  }

  override get at(): ValueAt {
    return { node: null, path: this.path };
  }

  private present(key: string): boolean {
    const { forcing } = this.session;
    if (forcing.absent.includes(childPath(this.path, key))) return false;
    const solo = forcing.solo[this.path];
    return solo === undefined || solo === key;
  }

  private note(key: string, shape: KeyShape, options: Partial<KeyRecord> & { readonly default?: unknown } = {}, needed = true): void {
    const existing = this.record.keys.get(key);
    if (existing !== undefined && !UNTYPED.includes(existing.shape)) return;
    const hasDefault = 'default' in options && options.default !== undefined;
    const required = needed && !hasDefault && !this.record.asked.has(key);
    const { description, min, max, integer, oneOf, accepts } = options;
    this.record.keys.set(key, {
      key,
      shape,
      required,
      hasDefault,
      ...(hasDefault ? { default: options.default } : {}),
      ...defined({ description: description ?? existing?.description, min, max, integer, oneOf, accepts }),
    });
  }

  private numeric(key: string, shape: KeyShape, options: NumberOptions<number | null> | undefined): number {
    this.note(key, shape, { ...options });
    const fallback = options?.default;
    if (this.session.forcing.variant === 0 || !this.present(key)) return typeof fallback === 'number' ? fallback : (options?.min ?? 0);
    return typeof fallback === 'number' ? fallback * 2 + 1 : (options?.min ?? 0) + 1;
  }

  override has(key: string): boolean {
    const isAlias = [...this.record.aliases].some(([alias, main]) => key === alias || key === main);
    if (!isAlias && !this.record.keys.has(key)) this.record.asked.add(key);
    return this.present(key);
  }

  override keys(): readonly string[] {
    return this.present(ANY_KEY) ? [ANY_KEY] : [];
  }

  override expectKeys(keys: readonly string[]): this {
    this.record.fixedKeys = keys;
    return this;
  }

  override know(): this {
    return this;
  }

  override value(key: string): ValueAt | undefined {
    this.note(key, 'any', {}, false);
    return this.present(key) ? { node: null, path: childPath(this.path, key) } : undefined;
  }

  override required(key: string, what?: string): ValueAt | undefined {
    this.note(key, 'any', defined({ description: what }));
    return this.present(key) ? { node: null, path: childPath(this.path, key) } : undefined;
  }

  override duration(key: string, options?: NumberOptions<number | null>): number {
    return this.numeric(key, 'duration', options);
  }

  override durationOrNull(key: string, options?: KeyDoc): number | null {
    this.note(key, 'duration', { ...options }, false);
    return null;
  }

  override signedDuration(key: string, options?: NumberOptions<number | null>): number {
    return this.numeric(key, 'signed-duration', options);
  }

  override ppm(key: string, options?: NumberOptions<number | null>): number {
    return this.numeric(key, 'ppm', options);
  }

  override number(key: string, options?: NumberOptions<number | null>): number {
    return this.numeric(key, 'number', options);
  }

  override ratePerSecond(key: string, options?: NumberOptions<number | null>): number {
    return this.numeric(key, 'rate', options);
  }

  override probability(key: string, options?: KeyDoc & { readonly default?: number }): number {
    this.note(key, 'probability', { ...options });
    return options?.default ?? 0;
  }

  override string(key: string, options?: KeyDoc & { readonly default?: string; readonly oneOf?: readonly string[] }): string {
    this.note(key, 'string', { ...options });
    const forced = this.session.forcing.strings[childPath(this.path, key)];
    const answer = forced ?? options?.default ?? options?.oneOf?.[0] ?? (this.session.forcing.variant === 1 ? 'x' : '');
    this.record.answers.set(key, answer);
    return answer;
  }

  override boolean(key: string, options?: KeyDoc & { readonly default?: boolean }): boolean {
    this.note(key, 'boolean', { ...options });
    return options?.default ?? false;
  }

  override distribution(key: string, options?: KeyDoc & { readonly default?: DistributionSpec }): DistributionSpec {
    this.note(key, 'distribution', { ...options });
    return options?.default ?? { kind: 'constant', valueUs: 0 };
  }

  override distributionAt(at: ValueAt): DistributionSpec | null {
    this.noteAt(at, 'distribution');
    return { kind: 'constant', valueUs: 0 };
  }

  override nodeName(key: string, options?: KeyDoc & { readonly default?: string }): string {
    this.note(key, 'node-name', { ...options });
    return options?.default ?? (this.session.forcing.variant === 1 ? SAMPLE_NODES[0]! : '');
  }

  override nodeNames(key: string, options?: KeyDoc & { readonly default?: readonly string[] }): string[] {
    this.note(key, 'node-names', { ...options });
    return [...(options?.default ?? (this.session.forcing.variant === 1 ? SAMPLE_NODES : []))];
  }

  override section(key: string, options?: KeyDoc): KeyRecorder | null {
    this.note(key, 'section', { ...options }, false);
    return this.present(key) ? this.session.reader(childPath(this.path, key)) : null;
  }

  override mapAt(at: ValueAt): KeyRecorder | null {
    if (!at.path.endsWith('[]')) this.noteAt(at, 'section');
    return this.session.reader(at.path);
  }

  override list(key: string, options: { readonly required?: boolean } = {}): ValueAt[] | null {
    this.note(key, 'list', {}, options.required ?? false);
    return this.present(key) ? [{ node: null, path: `${childPath(this.path, key)}[]` }] : null;
  }

  override raw(key: string, options?: KeyDoc & { readonly accepts?: JsonSchema }): unknown {
    this.note(key, 'raw', { ...options }, false);
    return this.record.answers.get(key);
  }

  override error(): void {}

  override finish(): void {
    this.record.closed = true;
  }

  declareAliases(key: string, aliases: readonly string[]): void {
    for (const alias of aliases) this.record.aliases.set(alias, key);
  }

  override nodeSelection(key: string, options?: KeyDoc & { readonly single?: boolean }): NodeSelection | null {
    this.note(key, options?.single ? 'single-node-selection' : 'node-selection', { ...options });
    return this.present(key) ? { selector: [], text: '' } : null;
  }

  override linkSelection(key: string, options?: KeyDoc): LinkSelection | null {
    this.note(key, 'link-selection', { ...options });
    return this.present(key) ? { patterns: [], text: '' } : null;
  }

  override nodeGroups(key: string, what: string): NodeGroupItem[] | null {
    this.note(key, 'node-groups', { description: what });
    return this.present(key) ? [] : null;
  }

  override roleNameAt(at: ValueAt): string | null {
    this.noteAt(at, 'role');
    return 'leader';
  }

  /** Records the key a located value stands for (`at` came from this recorder's value()/list()). */
  private noteAt(at: ValueAt, shape: KeyShape): void {
    const owner = this.session.section(parentPath(at.path));
    const key = lastSegment(at.path);
    const existing = owner.keys.get(key);
    if (existing === undefined || UNTYPED.includes(existing.shape)) {
      owner.keys.set(key, { key, shape, required: existing?.required ?? false, hasDefault: false, ...defined({ description: existing?.description }) });
    }
  }
}

function parentPath(path: string): string {
  const index = path.lastIndexOf('.');
  return index < 0 ? '' : path.slice(0, index);
}

function lastSegment(path: string): string {
  const index = path.lastIndexOf('.');
  return index < 0 ? path : path.slice(index + 1);
}

/** The entries whose value is defined (exactOptionalPropertyTypes-friendly). */
function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
