// `ddsim init [template]`: writes a starter scenario (schema line, comments on every section,
// expectations that hold at its seed) and, for the custom template, the model module skeleton it
// runs (`--lang js|ts`). Every target is checked before anything is written: an existing file is
// replaced only with --force. Exit codes: 0 written, 2 unknown template, bad option or an
// existing file (nothing written). Templates and the plan are src/init/; this shell does the I/O.

import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { didYouMean } from '../../scenario/did-you-mean.js';
import { DEFAULT_TEMPLATE_NAME, STARTER_TEMPLATES, starterTemplate, starterTemplateNames } from '../../init/registry.js';
import type { StarterTemplate } from '../../init/starter-template.js';
import type { PlannedFile } from '../../init/init-plan.js';
import { MODEL_LANGUAGES, type ModelLanguage } from '../../init/skeletons/skeleton-context.js';
import type { CliIo } from '../cli-io.js';

interface InitOptions {
  readonly name?: string;
  readonly dir?: string;
  readonly model?: boolean;
  readonly lang?: string;
  readonly force?: boolean;
}

const LANGUAGE_NAMES: Readonly<Record<ModelLanguage, string>> = { js: 'JavaScript', ts: 'TypeScript' };

export function define(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('write a starter scenario (and, for your own model, a model module skeleton)')
    .argument('[template]', `${starterTemplateNames().join(' | ')} (default: ${DEFAULT_TEMPLATE_NAME}; custom with --model)`)
    .option('--name <name>', 'file base name: <name>.yaml, <name>-model.js (default: the template name)')
    .option('--dir <dir>', 'directory to write into, created if missing (default: the current directory)')
    .option('--model', 'write a model module skeleton: selects the custom template')
    .option('--lang <lang>', `language of the model skeleton: ${MODEL_LANGUAGES.join(' | ')} (default: js)`)
    .option('--force', 'overwrite existing files')
    .addHelpText('after', templatesHelp())
    .action(async (templateName: string | undefined, options: InitOptions) => {
      const { planInit, normalizeBaseName } = await import('../../init/init-plan.js');
      const { scenarioSchemaFile } = await import('../../init/schema-reference.js');
      const template = chooseTemplate(templateName, options);
      const baseName = normalizeBaseName(options.name ?? template.name);
      if (baseName === null) {
        throw new UsageError(`--name must be a plain file name (letters, digits, . _ -; the directory goes in --dir), not "${options.name}"`);
      }
      const targetDir = path.resolve(io.cwd, options.dir ?? '.');
      const files = planInit({ template, baseName, language: chooseLanguage(options), targetDir, schemaFile: scenarioSchemaFile() });
      checkTargets(targetDir, files, options.force === true, io);
      writeFiles(targetDir, files, options.force === true, io);
      printWritten(template, files, options, io);
    });
}

function templatesHelp(): string {
  const width = Math.max(...STARTER_TEMPLATES.map((template) => template.name.length));
  const lines = STARTER_TEMPLATES.map((template) => `  ${template.name.padEnd(width)}  ${template.summary}`);
  return (
    `\nTemplates:\n${lines.join('\n')}\n` +
    '\nEach scenario starts with a `# yaml-language-server: $schema=...` line (completion and' +
    '\nchecks in editors), comments every section and passes its expectations at its seed:' +
    '\nrun it with `ddsim run <file>`. The custom template also writes the model it runs.' +
    '\n\nExit codes: 0 written, 2 unknown template, bad option, or a file exists without --force' +
    '\n(nothing written then).'
  );
}

/** The named template; with none, custom when --model or --lang asks for a model, else the default. */
function chooseTemplate(templateName: string | undefined, options: InitOptions): StarterTemplate {
  const wantsModel = options.model === true || options.lang !== undefined;
  const name = templateName ?? (wantsModel ? 'custom' : DEFAULT_TEMPLATE_NAME);
  const template = starterTemplate(name);
  if (template === undefined) {
    const close = didYouMean(name, starterTemplateNames());
    throw new UsageError(`unknown template "${name}"${close ? ` (${close})` : ''}; templates: ${starterTemplateNames().join(', ')}`);
  }
  if (wantsModel && !template.writesModel) {
    throw new UsageError(
      `the ${template.name} template runs a built-in model: --model and --lang write a model skeleton, ` +
        'for your own model use `ddsim init custom` (or just `ddsim init --model`)',
    );
  }
  return template;
}

function chooseLanguage(options: InitOptions): ModelLanguage {
  const language = options.lang ?? 'js';
  if (!(MODEL_LANGUAGES as readonly string[]).includes(language)) {
    throw new UsageError(`--lang must be ${MODEL_LANGUAGES.join(' or ')}, not "${language}"`);
  }
  return language as ModelLanguage;
}

/** Every target checked before any is written: existing files need --force, and must be files. */
function checkTargets(targetDir: string, files: readonly PlannedFile[], force: boolean, io: CliIo): void {
  const dirStat = statOrNull(targetDir);
  if (dirStat !== null && !dirStat.isDirectory()) throw new UsageError(`--dir ${shown(targetDir, io)} is not a directory`);
  const existing = files.filter((file) => statOrNull(file.path) !== null);
  const notFiles = existing.filter((file) => !statOrNull(file.path)!.isFile());
  if (notFiles.length > 0) throw new UsageError(`${shown(notFiles[0].path, io)} exists and is not a file; nothing written`);
  if (existing.length > 0 && !force) {
    const names = existing.map((file) => shown(file.path, io)).join(' and ');
    throw new UsageError(`${names} already exist${existing.length === 1 ? 's' : ''}; nothing written (--force overwrites, or choose --name or --dir)`);
  }
}

function writeFiles(targetDir: string, files: readonly PlannedFile[], force: boolean, io: CliIo): void {
  fs.mkdirSync(targetDir, { recursive: true });
  for (const file of files) {
    try {
      // `wx`: a file that appeared since the check is not overwritten either.
      fs.writeFileSync(file.path, file.text, { flag: force ? 'w' : 'wx' });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`cannot write ${shown(file.path, io)}: ${reason}`);
    }
  }
}

function printWritten(template: StarterTemplate, files: readonly PlannedFile[], options: InitOptions, io: CliIo): void {
  for (const file of files) {
    const what = file.kind === 'scenario' ? `starter scenario, template ${template.name}` : `model skeleton, ${LANGUAGE_NAMES[chooseLanguage(options)]}`;
    io.stdout.write(`wrote ${shown(file.path, io)}  (${what})\n`);
  }
  const scenario = files.find((file) => file.kind === 'scenario')!;
  io.stdout.write(`\nNext: ddsim run ${quoteIfNeeded(shown(scenario.path, io))}\n`);
}

/** A path as the user would type it: relative to the working directory when inside it. */
function shown(file: string, io: CliIo): string {
  const relative = path.relative(io.cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function quoteIfNeeded(text: string): string {
  return /^[\w./\\:-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

function statOrNull(file: string): fs.Stats | null {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}
