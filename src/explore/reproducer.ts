// A scenario text that reproduces one run on its own: the original file (with the command's
// `--set`s written into it), its `faults:` replaced by the run's, its `seed:` and `name:` set, its
// `explore:` section removed, and a relative model path rewritten for the directory the file is
// written to. `ddsim run <that file>` is then exactly the run. Pure: text in, text out.

import { parse } from 'yaml';
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { isModulePath } from '../scenario/resolve-model.js';
import { parseSetPath } from '../scenario/apply-sets.js';
import { TOP_LEVEL_KEYS } from '../scenario/scenario-keys.js';
import { assert } from '../model/assert.js';
import type { FaultEntry } from './fault-generators.js';
import { applyTextEdits, type TextEdit } from './yaml-text-edits.js';

/** The `--set path=value` expressions as text edits; `explore.*` ones are left out (the section is removed). */
export function setEdits(sets: readonly string[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const expression of sets) {
    const equals = expression.indexOf('=');
    const path = parseSetPath(expression.slice(0, equals).trim());
    assert(equals > 0 && typeof path !== 'string', `a --set expression that was accepted does not parse: ${expression}`);
    if (path[0] === 'explore') continue;
    edits.push({ path, value: parse(expression.slice(equals + 1)) ?? null, insertBefore: keysAfter(String(path[0])) });
  }
  return edits;
}

/** The top-level keys that come after `key` in a scenario, where a missing `key` is inserted. */
export function keysAfter(key: string): string[] {
  const index = (TOP_LEVEL_KEYS as readonly string[]).indexOf(key);
  return index < 0 ? [] : TOP_LEVEL_KEYS.slice(index + 1);
}

export interface ReproducerOptions {
  readonly name: string;
  readonly seed: number;
  readonly faults: readonly FaultEntry[];
  /** `system.model` as written, and the directories it was relative to and the new file will be in. */
  readonly model: { readonly written: string; readonly fromDir: string; readonly toDir: string };
  /** Comment lines (without `#`) put at the top of the file. */
  readonly comment: readonly string[];
}

export function reproducerText(text: string, options: ReproducerOptions): string {
  const edits: TextEdit[] = [
    { path: ['explore'], value: undefined },
    { path: ['name'], value: options.name, insertBefore: keysAfter('name') },
    { path: ['seed'], value: options.seed, insertBefore: keysAfter('seed') },
    { path: ['faults'], value: options.faults, block: true, insertBefore: keysAfter('faults') },
  ];
  const modelEdit = modelPathEdit(options.model);
  if (modelEdit !== null) edits.push(modelEdit);
  return commentLines(options.comment) + applyTextEdits(text, edits);
}

/** The edit that keeps a relative `system.model` path pointing at the model from another directory; null when none is needed. */
export function modelPathEdit(model: ReproducerOptions['model']): TextEdit | null {
  const moved = movedModelPath(model);
  return moved === null ? null : { path: ['system', 'model'], value: moved };
}

export function commentLines(lines: readonly string[]): string {
  return lines.map((line) => (line === '' ? '#\n' : `# ${line}\n`)).join('');
}

/** A relative model path as seen from the new file's directory; null when it needs no change. */
function movedModelPath(model: ReproducerOptions['model']): string | null {
  const { written, fromDir, toDir } = model;
  if (!isModulePath(written) || isAbsolute(written) || resolve(fromDir) === resolve(toDir)) return null;
  const moved = relative(toDir, resolve(fromDir, written)).split(sep).join(posix.sep);
  return moved.startsWith('.') ? moved : `./${moved}`;
}
