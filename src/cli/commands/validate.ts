// `ddsim validate <files...>`: loads each scenario (with --set overrides) without running it,
// prints `✓ <file>: <name> (<n> nodes, <duration>)` for a valid one and every problem of an
// invalid one. Exit code 2 when any file is invalid or unreadable, else 0. The loader and the
// model registry are imported when the command runs, not when the CLI starts.

import type { Command } from 'commander';
import { EXIT_INVALID, formatProblem, InputError, type InputProblem } from '../errors.js';
import { collectRepeatable } from '../options.js';
import type { CliIo } from '../cli-io.js';

interface ValidateOptions {
  readonly set: string[];
}


export function define(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('check scenario files without running them')
    .argument('<files...>', 'scenario files (YAML)')
    .option('--set <path=value>', 'override a scenario value, e.g. network.loss=0.05 (repeatable)', collectRepeatable, [])
    .action(async (files: string[], options: ValidateOptions) => {
      let invalid = 0;
      for (const file of files) {
        const valid = await validateFile(file, options.set, io);
        if (!valid) invalid++;
      }
      if (files.length > 1) {
        io.stdout.write(`${files.length - invalid} of ${files.length} scenario files valid.\n`);
      }
      if (invalid > 0) io.setExitCode(EXIT_INVALID);
    });
}

async function validateFile(file: string, sets: readonly string[], io: CliIo): Promise<boolean> {
  const [{ loadScenarioFile }, { formatDuration }] = await Promise.all([
    import('../../io/scenario-file.js'),
    import('../../scenario/units.js'),
  ]);
  try {
    const scenario = await loadScenarioFile(file, { cwd: io.cwd, sets });
    const nodes = `${scenario.nodes.length} node${scenario.nodes.length === 1 ? '' : 's'}`;
    io.stdout.write(`✓ ${file}: ${scenario.name} (${nodes}, ${formatDuration(scenario.durationUs)})\n`);
    return true;
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    printProblems(file, error.problems, io);
    return false;
  }
}

function printProblems(file: string, problems: readonly InputProblem[], io: CliIo): void {
  io.stderr.write(`✗ ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n`);
  for (const problem of problems) io.stderr.write(`  ${formatProblem(problem)}\n`);
}
