// `ddsim shrink <failing.yaml>`: minimizes a failing scenario while the same expectation still
// fails (delta debugging over its faults, then shorter faults, earlier starts, a shorter run, a
// lighter workload), writes `<name>.min.yaml` with a comment saying what was removed, and prints
// a before/after table and the runs spent. Deterministic: the same file shrinks to the same file.

import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { collectRepeatable } from '../options.js';
import { UsageError } from '../errors.js';

interface ShrinkOptions {
  readonly set: readonly string[];
  readonly maxRuns?: string;
  readonly expect?: string;
  readonly out?: string;
  readonly format: string;
}

const FORMATS = ['pretty', 'json'] as const;

export function define(program: Command, io: CliIo): void {
  program
    .command('shrink')
    .description('minimize a failing scenario: fewer and shorter faults, a shorter run, while the same expectation still fails')
    .argument('<file>', 'failing scenario file (YAML), e.g. a reproducer written by ddsim explore')
    .option('--set <path=value>', 'override a scenario value first (written into the minimal file) (repeatable)', collectRepeatable, [])
    .option('--expect <expectation>', 'the expectation that must keep failing, as written (default: the first that fails)')
    .option('--max-runs <n>', 'runs the shrink may spend, the first one included (default 300)')
    .option('--out <file>', 'where to write the minimal scenario (default: <name>.min.yaml beside the file)')
    .option('--format <format>', FORMATS.join(' | '), 'pretty')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 the scenario does not fail (nothing to shrink, nothing written), 1 shrunk (the minimal scenario',
        'fails as the original did), 2 invalid input or usage, 70 ddsim could not run the scenario (a bug), 130 interrupted',
        '(nothing written).',
      ].join('\n'),
    )
    .action(async (file: string, options: ShrinkOptions) => {
      const format = FORMATS.find((candidate) => candidate === options.format);
      if (format === undefined) throw new UsageError(`--format must be ${FORMATS.join(' or ')}, not "${options.format}"`);
      const { runShrink } = await import('../shrink-run.js');
      await runShrink(file, { ...options, format }, io);
    });
}
