// `ddsim sweep <file>`: runs a scenario over the cartesian product of --vary values (and the
// file's `sweep:` section) times the seeds, on worker threads; streams one JSON line per finished
// run to --out (--resume skips runs already there); prints the summary per combination. Every
// combination is validated before the first run (exit 2). The exit code is the highest of the
// runs' (1 failed, 3 incomplete, 4 model threw, 70 internal); --no-fail clears the 1s; Ctrl-C 130. --shard k/n runs a deterministic, balanced share; `ddsim merge` combines shards.

import type { Command } from 'commander';
import type { CliIo } from '../cli-io.js';
import { formatNames, SWEEP_FORMATS } from '../../output/registry.js';
import { collectRepeatable } from '../options.js';
import { UsageError } from '../errors.js';
import type { SweepCliOptions } from '../sweep-setup.js';

interface SweepOptions extends SweepCliOptions {
  readonly out?: string;
  readonly report?: string;
  readonly resume?: boolean;
  readonly force?: boolean;
  readonly format: string;
  readonly fail: boolean;
}

export function define(program: Command, io: CliIo): void {
  program
    .command('sweep')
    .description('run a scenario over many seeds and parameter values, in parallel, and summarize the outcomes')
    .argument('<file>', 'scenario file (YAML)')
    .option('--vary <path=values>', 'vary a value: a list, a range or both, e.g. workload.timeout=50ms,100ms or network.loss=0..0.1:0.02 (repeatable)', collectRepeatable, [])
    .option('--seeds <seeds>', 'seeds: 1..200, 200 (= 1..200), or a list 1,5,9 (default: the sweep section, else the scenario seed)')
    .option('--set <path=value>', 'override a scenario value in every run (repeatable)', collectRepeatable, [])
    .option('--workers <n>', 'worker threads (default: the number of cores)')
    .option('--shard <k/n>', 'run only shard k of n (1-based), for CI matrices; combine with ddsim merge')
    .option('--out <file.jsonl>', 'write one JSON line per finished run to this new file')
    .option('--resume', 'carry on with the runs already in --out (after an interruption)')
    .option('--report <file.html>', 'also write the summary as a self-contained HTML page (table, heat map of the grid) to this new file')
    .option('--force', 'replace an existing --out or --report file')
    .option('--metrics <names>', 'metrics to summarize, comma-separated (default: the sweep section, else those the expectations name)')
    .option('--grid <metric>', 'metric of the two-parameter grid (default: the first of --metrics)')
    .option('--pool <histograms>', 'histograms to pool across the runs of each combination, comma-separated, e.g. leader.election-time: their quantiles (csv: CDF points)')
    .option('--format <format>', formatNames(SWEEP_FORMATS), 'table')
    .option('--no-fail', 'exit 0 even when runs fail their expectations (not when a run is broken: 3, 4, 70)')
    .addHelpText(
      'after',
      [
        '',
        'Every run is exactly `ddsim run <file> --seed S --set ...`; the JSONL line of each run says which.',
        'Exit codes: 0 every run met every expectation, 1 a run failed an expectation, 2 invalid input or usage,',
        "3 a run did not complete, 4 a run's model threw or misused the API, 70 an internal error of ddsim,",
        '130 interrupted (finished runs stay in --out; --resume carries on). Several: the highest.',
      ].join('\n'),
    )
    .action(async (file: string, options: SweepOptions) => {
      const { parseSummaryFormat } = await import('../sweep-summary-output.js');
      const format = parseSummaryFormat(options.format);
      if (options.resume === true && options.out === undefined) throw new UsageError('--resume needs --out <file.jsonl>');
      const { runSweep } = await import('../sweep-run.js');
      await runSweep(file, { ...options, format, resume: options.resume === true, force: options.force === true }, io);
    });
}
