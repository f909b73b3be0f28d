// The pure core of `ddsim init`: from the template, the base name, the language and the target
// directory to the files to write (path, text, what it is). The CLI checks that none exists,
// writes them and prints what it wrote.

import path from 'node:path';
import type { StarterTemplate } from './starter-template.js';
import { modelSkeletonJs } from './skeletons/model-js.js';
import { modelSkeletonTs } from './skeletons/model-ts.js';
import type { ModelLanguage } from './skeletons/skeleton-context.js';
import { schemaLine, schemaReference } from './schema-reference.js';

export interface InitRequest {
  readonly template: StarterTemplate;
  /** File base name: `<baseName>.yaml` and `<baseName>-model.js|ts`. */
  readonly baseName: string;
  /** The model skeleton's language, for a template that writes one. */
  readonly language: ModelLanguage;
  /** Absolute directory the files go into. */
  readonly targetDir: string;
  /** Absolute path of the package's scenario JSON Schema, for the scenario's first line. */
  readonly schemaFile: string;
}

export interface PlannedFile {
  readonly path: string;
  readonly text: string;
  readonly kind: 'scenario' | 'model';
}

export function planInit(request: InitRequest): PlannedFile[] {
  const { template, baseName, language, targetDir } = request;
  const scenarioFileName = `${baseName}.yaml`;
  const modelFileName = template.writesModel ? `${baseName}-model.${language}` : null;
  const scenarioText =
    `${schemaLine(schemaReference(targetDir, request.schemaFile))}\n` +
    template.scenarioText({ baseName, scenarioFileName, modelFileName });
  const files: PlannedFile[] = [{ path: path.join(targetDir, scenarioFileName), text: scenarioText, kind: 'scenario' }];
  if (modelFileName !== null) {
    const skeleton = language === 'ts' ? modelSkeletonTs : modelSkeletonJs;
    const text = skeleton({ modelName: baseName, modelFileName, scenarioFileName });
    files.push({ path: path.join(targetDir, modelFileName), text, kind: 'model' });
  }
  return files;
}

const BASE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const BASE_NAME_LENGTH_MAX = 100;

/**
 * The base name from `--name`: a trailing `.yaml`/`.yml` dropped; null when it is not a plain
 * file name (no directory: that is `--dir`; letters, digits, `.`, `_`, `-`).
 */
export function normalizeBaseName(name: string): string | null {
  const base = name.replace(/\.ya?ml$/i, '');
  return BASE_NAME_PATTERN.test(base) && base.length <= BASE_NAME_LENGTH_MAX ? base : null;
}
