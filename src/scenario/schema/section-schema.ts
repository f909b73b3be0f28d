// Turns the records of an exploration (exploration.ts) into the JSON Schema of one section: the
// union of the keys any run read, `required` for keys read without a default (and not behind a
// `has()`), `additionalProperties: false` where the code calls `finish()`, and, where a string
// key changes which keys are read (`kind: kv` / `kind: t-visibility`), if/then branches with
// `unevaluatedProperties: false`. A default that changes when other values change is computed
// (half the lease, all replicas): it is left out rather than stated wrongly.

import type { JsonSchema } from '../../model/config-reader.js';
import { formatDuration } from '../../model/describe.js';
import type { DistributionSpec } from '../../model/distribution.js';
import { childPath } from '../yaml-config-reader.js';
import type { ExplorationRun } from './exploration.js';
import { ANY_KEY, type KeyRecord, type SectionRecord } from './key-recorder.js';
import { ref } from './value-schemas.js';

/**
 * Shapes the loader reads from the YAML itself, not through a reader method, by full key path: a
 * schema, or a function of the schema recorded there (null when nothing was).
 */
export type Overlay = JsonSchema | ((recorded: JsonSchema | null) => JsonSchema);
export type Overlays = Readonly<Record<string, Overlay>>;

interface Branch {
  readonly value: string;
  readonly isDefault: boolean;
  readonly keys: readonly KeyRecord[];
}

interface Discriminator {
  readonly key: string;
  readonly branches: readonly Branch[];
  readonly conditional: ReadonlySet<string>;
}

export class SectionSchemas {
  constructor(
    private readonly runs: readonly ExplorationRun[],
    private readonly overlays: Overlays = {},
  ) {}

  /** The schema of the map at `path`, or null when no run read it. */
  section(path: string): JsonSchema | null {
    const records = this.runs.map((run) => run.session.sections.get(path)).filter((record): record is SectionRecord => record !== undefined);
    if (records.length === 0) return null;
    const keys = unionOfKeys(records);
    const discriminator = this.discriminatorOf(path, keys);
    const common = [...keys.values()].filter((record) => !discriminator?.conditional.has(record.key));
    const schema: Record<string, unknown> = { type: 'object', ...this.propertiesOf(path, common, records) };
    if (discriminator !== null) schema.allOf = discriminator.branches.map((branch) => this.branchSchema(path, discriminator.key, branch, records));
    const anyKey = keys.get(ANY_KEY);
    if (anyKey !== undefined) schema.additionalProperties = this.property(path, anyKey);
    else if (records.some((record) => record.closed)) schema[discriminator === null ? 'additionalProperties' : 'unevaluatedProperties'] = false;
    return schema;
  }

  private propertiesOf(path: string, keys: readonly KeyRecord[], records: readonly SectionRecord[]): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const record of keys) {
      if (record.key === ANY_KEY) continue;
      properties[record.key] = this.property(path, record);
      if (record.required) required.push(record.key);
    }
    for (const section of records) {
      for (const key of section.fixedKeys) properties[key] ??= {};
      for (const [alias, main] of section.aliases) {
        const target = properties[main];
        if (target === undefined) continue;
        const { default: _default, ...rest } = target as Record<string, unknown>;
        properties[alias] = { ...rest, description: `another name of \`${main}\`` };
      }
    }
    return required.length === 0 ? { properties } : { properties, required };
  }

  private branchSchema(path: string, key: string, branch: Branch, records: readonly SectionRecord[]): JsonSchema {
    const test: Record<string, unknown> = { type: 'object', properties: { [key]: { const: branch.value } } };
    if (!branch.isDefault) test.required = [key];
    return { if: test, then: { type: 'object', ...this.propertiesOf(path, branch.keys, records) } };
  }

  /** The schema of one key's value, with its description and (constant) default. */
  private property(path: string, record: KeyRecord): JsonSchema {
    const fullPath = childPath(path, record.key);
    const schema: Record<string, unknown> = { ...this.valueOf(fullPath, record) };
    if (record.description !== undefined) schema.description = record.description;
    const computed = this.computedParts(path, record.key);
    if (computed.has('min')) delete schema.minimum;
    if (computed.has('max')) delete schema.maximum;
    const written = record.hasDefault && !computed.has('default') ? writtenDefault(record) : undefined;
    if (written !== undefined) schema.default = written;
    return schema;
  }

  private valueOf(fullPath: string, record: KeyRecord): JsonSchema {
    const overlay = this.overlays[fullPath];
    if (typeof overlay === 'function') return overlay(this.recordedValueOf(fullPath, record));
    if (overlay !== undefined) return overlay;
    return this.recordedValueOf(fullPath, record);
  }

  private recordedValueOf(fullPath: string, record: KeyRecord): JsonSchema {
    switch (record.shape) {
      case 'section':
        return this.section(fullPath) ?? { type: 'object' };
      case 'list': {
        const items = this.itemsOf(fullPath);
        return items === null ? { type: 'array' } : { type: 'array', items };
      }
      case 'number':
        return numberSchema(record);
      case 'string':
        return record.oneOf === undefined ? ref('text') : { enum: [...record.oneOf] };
      case 'boolean':
        return { type: 'boolean' };
      case 'node-groups':
        return { type: 'array', items: ref('node-selection') };
      case 'role':
        return { type: 'string' };
      case 'link-selection':
        return ref('link');
      case 'raw':
        return record.accepts ?? {};
      case 'any':
        return {};
      default:
        return ref(record.shape);
    }
  }

  private itemsOf(fullPath: string): JsonSchema | null {
    const overlay = this.overlays[`${fullPath}[]`];
    const recorded = this.section(`${fullPath}[]`);
    if (typeof overlay === 'function') return overlay(recorded);
    return overlay ?? recorded;
  }

  /** Was `run` explored from `ancestor` without another answer to the string at `path` on the way? */
  private descendsFrom(run: ExplorationRun, ancestor: ExplorationRun, path: string): boolean {
    for (let current = run; current.parent !== null; current = this.runs[current.parent]!) {
      if (current.via?.path === path) return false;
      if (this.runs[current.parent] === ancestor) return true;
    }
    return false;
  }

  /** Which of the key's default and bounds changed in a run where the other values did: those are computed. */
  private computedParts(path: string, key: string): Set<'default' | 'min' | 'max'> {
    const computed = new Set<'default' | 'min' | 'max'>();
    for (const run of this.runs) {
      const plain = run.session.sections.get(path)?.keys.get(key);
      const varied = run.variant.sections.get(path)?.keys.get(key);
      if (plain === undefined || varied === undefined) continue;
      if (JSON.stringify(plain.default) !== JSON.stringify(varied.default)) computed.add('default');
      if (plain.min !== varied.min) computed.add('min');
      if (plain.max !== varied.max) computed.add('max');
    }
    return computed;
  }

  /** The string key whose words change which keys the section reads, with each word's keys. */
  private discriminatorOf(path: string, keys: ReadonlyMap<string, KeyRecord>): Discriminator | null {
    for (const record of keys.values()) {
      if (record.oneOf === undefined) continue;
      const fullPath = childPath(path, record.key);
      const children = this.runs.filter((run) => run.via?.path === fullPath);
      if (children.length === 0) continue;
      const parent = this.runs[children[0]!.parent!]!;
      const family = [parent, ...children.filter((run) => run.parent === children[0]!.parent)];
      const branches = family.flatMap((run): Branch[] => {
        const section = run.session.sections.get(path);
        if (section === undefined) return [];
        const value = String(section.answers.get(record.key));
        // The keys of this word: read in its run or in any run explored from it.
        const lineage = this.runs.filter((other) => other === run || this.descendsFrom(other, run, fullPath));
        const sections = lineage.map((other) => other.session.sections.get(path)).filter((other): other is SectionRecord => other !== undefined);
        return [{ value, isDefault: record.hasDefault && record.default === value, keys: [...unionOfKeys(sections).values()] }];
      });
      const keySets = branches.map((branch) => new Set(branch.keys.map((key) => key.key)));
      const everywhere = [...keys.keys()].filter((key) => keySets.every((set) => set.has(key)));
      const conditional = new Set(keySets.flatMap((set) => [...set]).filter((key) => !everywhere.includes(key)));
      if (conditional.size === 0) continue;
      return {
        key: record.key,
        conditional,
        branches: branches.map((branch) => ({ ...branch, keys: branch.keys.filter((key) => conditional.has(key.key)) })),
      };
    }
    return null;
  }
}

/** Every key any run read, the first typed record of each (earlier runs first). */
function unionOfKeys(records: readonly SectionRecord[]): Map<string, KeyRecord> {
  const keys = new Map<string, KeyRecord>();
  for (const record of records) {
    for (const [key, value] of record.keys) {
      const existing = keys.get(key);
      if (existing === undefined || ((existing.shape === 'raw' || existing.shape === 'any') && value.shape !== 'raw' && value.shape !== 'any')) {
        keys.set(key, existing === undefined ? value : { ...value, required: existing.required && value.required });
      } else if (existing.required && !value.required) {
        keys.set(key, { ...existing, required: false });
      }
    }
  }
  return keys;
}

function numberSchema(record: KeyRecord): JsonSchema {
  const schema: Record<string, unknown> = { type: record.integer ? 'integer' : 'number' };
  if (record.min !== undefined) schema.minimum = record.min;
  if (record.max !== undefined && record.max < Number.MAX_SAFE_INTEGER) schema.maximum = record.max;
  return schema;
}

/** The default as a person writes it in a scenario: `1s`, `200ppm`, `100/s`. */
function writtenDefault(record: KeyRecord): unknown {
  const value = record.default;
  if (value === null || value === undefined) return undefined;
  switch (record.shape) {
    case 'duration':
    case 'signed-duration':
      return typeof value === 'number' ? formatDuration(value) : undefined;
    case 'ppm':
      return `${String(value)}ppm`;
    case 'rate':
      return `${String(value)}/s`;
    case 'distribution': {
      const spec = value as DistributionSpec;
      return spec.kind === 'constant' ? formatDuration(spec.valueUs) : undefined;
    }
    case 'node-names':
      return Array.isArray(value) && value.length > 0 ? value : undefined;
    default:
      return typeof value === 'object' ? undefined : value;
  }
}
