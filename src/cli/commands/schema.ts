// `ddsim schema`: prints the JSON Schema (draft 2020-12) of the scenario format, generated from
// the loader's own reading code and the built-in models (src/scenario/schema/). The shipped copy,
// schema/scenario.schema.json, is this output (`npm run schema` rewrites it); editors read it
// through the `# yaml-language-server: $schema=...` line that starts each shipped scenario.

import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';

export function define(program: Command, io: CliIo): void {
  program
    .command('schema')
    .description('print the JSON Schema of scenario files (for editor completion and checks)')
    .action(async () => {
      const [{ scenarioSchemaText }, { loadBuiltinModels }] = await Promise.all([
        import('../../scenario/schema/scenario-schema-text.js'),
        import('../../models/registry.js'),
      ]);
      const models = await loadBuiltinModels();
      io.stdout.write(await scenarioSchemaText(models));
    });
}
