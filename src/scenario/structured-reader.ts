// The parts of the YAML-backed reader that parsers of nested shapes (distributions, fault lists)
// need beyond ConfigReader: the shared context, lists and maps inside lists. An interface, so
// that such parsers and yaml-config-reader.ts do not import each other.

import type { ConfigReader } from '../model/config-reader.js';
import type { ReaderContext } from './reader-context.js';
import type { ValueAt } from './yaml-values.js';

export interface StructuredReader extends ConfigReader {
  readonly context: ReaderContext;
  /** The items of a list at `key` (null when absent and not required, or not a list). */
  list(key: string, options?: { readonly required?: boolean }): ValueAt[] | null;
  /** A reader over a map inside a list (null, with a problem reported, when it is not a map). */
  mapAt(at: ValueAt, what?: string): StructuredReader | null;
}
