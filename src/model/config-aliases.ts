// Keys that go by two names (`servers:` and `replicas:` for the nodes that hold the data), so
// that scenarios read the same across models. A model asks which one a section uses and reads it.

import type { ConfigReader } from './config-reader.js';

/**
 * The key the section uses: `key` or one of its `aliases` (`key` when none is present, so that a
 * missing key is reported by its main name). Two of them at once is reported as a problem.
 */
export function aliasedKey(reader: ConfigReader, key: string, aliases: readonly string[]): string {
  reader.declareAliases?.(key, aliases);
  const present = [key, ...aliases].filter((name) => reader.has(name));
  for (const extra of present.slice(1)) {
    reader.raw(extra);
    reader.error(extra, `\`${extra}\` and \`${present[0]}\` are the same key (aliases): give one of them`);
  }
  return present[0] ?? key;
}
