// The reading interface that scenario sections are validated through. System models receive one
// for `system:` (and one for `workload:`) and read their own keys with it, so that their errors
// carry file, line, column and key path like every other error, and unknown keys are caught.
// Interface only: the YAML-backed implementation lives in yaml-config-reader.ts.

import type { DistributionSpec } from './distribution.js';

/** What a key means, for `ddsim schema` (editor hints); readers of scenario text ignore it. */
export interface KeyDoc {
  readonly description?: string;
}

export interface NumberOptions<D> extends KeyDoc {
  /** Returned when the key is absent; without it the key is required. */
  readonly default?: D;
  readonly min?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

export interface ConfigReader {
  /** Key path of this section, e.g. `system` or `faults[2]`. */
  readonly path: string;
  has(key: string): boolean;
  /** Names of the keys present, in file order. */
  keys(): readonly string[];
  /** A duration such as `250ms`, `2s`, `1.5m` (a bare number is an error), in microseconds. */
  duration(key: string, options?: NumberOptions<number | null>): number;
  durationOrNull(key: string, options?: KeyDoc): number | null;
  /** A duration that may be negative (`-100ms`), in microseconds. */
  signedDuration(key: string, options?: NumberOptions<number | null>): number;
  /** Parts per million (`200ppm`, `-50ppm`), e.g. a clock's drift; bounds in ppm. */
  ppm(key: string, options?: NumberOptions<number | null>): number;
  number(key: string, options?: NumberOptions<number | null>): number;
  /** A number in [0, 1]. */
  probability(key: string, options?: KeyDoc & { readonly default?: number }): number;
  /** A rate such as `200/s` or `30/m`, in events per second. */
  ratePerSecond(key: string, options?: NumberOptions<number | null>): number;
  string(key: string, options?: KeyDoc & { readonly default?: string; readonly oneOf?: readonly string[] }): string;
  boolean(key: string, options?: KeyDoc & { readonly default?: boolean }): boolean;
  /** A distribution (`{ dist: exponential, mean: 2ms }`) or a bare duration (constant). */
  distribution(key: string, options?: KeyDoc & { readonly default?: DistributionSpec }): DistributionSpec;
  /** One existing node name. */
  nodeName(key: string, options?: KeyDoc & { readonly default?: string }): string;
  /** A list of existing node names (globs like `server-*` allowed, expanded in topology order). */
  nodeNames(key: string, options?: KeyDoc & { readonly default?: readonly string[] }): string[];
  /** A nested map section, or null when absent. */
  section(key: string, options?: KeyDoc): ConfigReader | null;
  /**
   * The raw plain value (for model-specific shapes); marks the key as read. `accepts` is the
   * value's JSON Schema, for `ddsim schema` (without it the schema allows any value).
   */
  raw(key: string, options?: KeyDoc & { readonly accepts?: JsonSchema }): unknown;
  /** Reports a problem at `key` (or at this section when key is null). Parsing continues. */
  error(key: string | null, message: string, hint?: string): void;
  /** Reports every key that was present but never read, with a did-you-mean hint. */
  finish(): void;
  /**
   * Says that `aliases` are other names of `key` (see config-aliases.ts). Optional: only the
   * reader that records keys for `ddsim schema` needs it.
   */
  declareAliases?(key: string, aliases: readonly string[]): void;
}

/** A JSON Schema (draft 2020-12) fragment, as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };
