// The first line of every scenario `ddsim init` writes, `# yaml-language-server: $schema=<path>`,
// so that editors with the YAML language server complete and check its keys. The path leads from
// the scenario's directory to the JSON Schema shipped in the package, `schema/scenario.schema.json`:
// relative when one exists, absolute when not (another drive on Windows). Pure, but for the one
// lookup of this package's root beside this module.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file is src/init/ or dist/init/ under it. */
export function packageRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/** Where the installed package keeps the scenario JSON Schema. */
export function scenarioSchemaFile(root = packageRoot()): string {
  return path.join(root, 'schema', 'scenario.schema.json');
}

/**
 * How a file in `fromDir` refers to `schemaFile`: a relative path with forward slashes (starting
 * with `./` or `../`), or the absolute path when there is no relative one. `paths` is node's
 * `path` for this platform; tests pass `path.win32` or `path.posix`.
 */
export function schemaReference(fromDir: string, schemaFile: string, paths: path.PlatformPath = path): string {
  const relative = paths.relative(fromDir, schemaFile);
  if (relative === '' || paths.isAbsolute(relative)) return toForwardSlashes(schemaFile, paths);
  const forward = toForwardSlashes(relative, paths);
  return forward.startsWith('../') ? forward : `./${forward}`;
}

export function schemaLine(reference: string): string {
  return `# yaml-language-server: $schema=${reference}`;
}

function toForwardSlashes(text: string, paths: path.PlatformPath): string {
  return paths.sep === '\\' ? text.replaceAll('\\', '/') : text;
}
