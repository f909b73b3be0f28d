// `ddsim explore <file>`: runs many random fault schedules against the scenario (its topology,
// system, workload and expectations), drawn from the `explore:` section and the flags, on worker
// threads; writes every failing run as an ordinary scenario file (--failures), streams results to
// --out (--resume, --shard k/n), stops at the first failure unless --keep-going, shrinks what it
// found with --shrink, and prints the failures grouped by expectation and fault kinds.

import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { collectRepeatable } from '../options.js';
import { UsageError } from '../errors.js';
import type { ExploreCliOptions } from '../explore-setup.js';

interface ExploreOptions extends ExploreCliOptions {
  readonly out?: string;
  readonly resume?: boolean;
  readonly force?: boolean;
  readonly keepGoing?: boolean;
  readonly shrink?: boolean;
  readonly format: string;
}

const FORMATS = ['pretty', 'json'] as const;

export function define(program: Command, io: CliIo): void {
  program
    .command('explore')
    .description('search random fault schedules for a failure of the scenario\'s expectations; write each failing run as a scenario file')
    .argument('<file>', 'scenario file (YAML)')
    .option('--seed <n>', 'explore seed: every run\'s seed and faults are drawn from it (default: the scenario\'s seed)')
    .option('--set <path=value>', 'override a scenario value in every run (repeatable)', collectRepeatable, [])
    .option('--runs <n>', 'how many runs (default: explore.runs, else 100)')
    .option('--faults <kinds>', 'fault kinds to draw from, comma-separated, e.g. crash,pause,partition (default: explore.faults)')
    .option('--nodes <nodes>', 'nodes faults may hit: names, globs, comma-separated, or {role: leader} (default: explore.nodes, else all)')
    .option('--faults-per-run <A..B>', 'faults in each run, e.g. 1..8 (default: explore.faults-per-run, else 1..5)')
    .option('--for <A..B>', 'how long faults that revert last, e.g. 100ms..10s (default: explore.for)')
    .option('--at <A..B>', 'when faults may start (default: explore.at, else the whole run)')
    .option('--keep-going', 'explore every run instead of stopping at the first failure')
    .option('--failures <dir>', 'where failing runs are written as scenario files', 'explore-failures')
    .option('--shrink', 'shrink every failure found to a minimal scenario (<run>.min.yaml beside it)')
    .option('--shrink-runs <n>', 'runs each shrink may spend (default 300)')
    .option('--workers <n>', 'worker threads (default: the number of cores; 0: one run at a time in this process)')
    .option('--shard <k/n>', 'run only shard k of n (1-based) of the runs, for CI matrices')
    .option('--out <file.jsonl>', 'write one JSON line per finished run to this new file')
    .option('--resume', 'carry on with the runs already in --out (after an interruption, or with more --runs)')
    .option('--force', 'replace an existing --out file')
    .option('--format <format>', FORMATS.join(' | '), 'pretty')
    .addHelpText(
      'after',
      [
        '',
        'Each failing run is an ordinary scenario: `ddsim run <reproducer>` runs it exactly; `ddsim shrink <reproducer>` minimizes it.',
        'Exit codes: 0 no run failed, 1 a failure was found (an expectation failed, a run did not complete, or the model threw),',
        '2 invalid input or usage, 70 ddsim could not carry out a run (a bug: please report it), 130 interrupted',
        '(finished runs stay in --out, reproducers in --failures; --resume carries on).',
      ].join('\n'),
    )
    .action(async (file: string, options: ExploreOptions) => {
      const format = FORMATS.find((candidate) => candidate === options.format);
      if (format === undefined) throw new UsageError(`--format must be ${FORMATS.join(' or ')}, not "${options.format}"`);
      if (options.resume === true && options.out === undefined) throw new UsageError('--resume needs --out <file.jsonl>');
      const { runExplore } = await import('../explore-run.js');
      await runExplore(
        file,
        { ...options, format, resume: options.resume === true, force: options.force === true, keepGoing: options.keepGoing === true, shrink: options.shrink === true },
        io,
      );
    });
}
