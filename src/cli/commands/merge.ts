// `ddsim merge <files...>`: combines the JSONL files of a sweep's shards (or of interrupted and
// resumed sessions) into the summary one unsharded sweep would print. Rejects files of different
// sweeps and runs present twice (overlapping shards) with exit 2; reports missing runs, which
// fail the merge (exit 1) unless --no-fail; broken runs keep their codes (3, 4, 70). --out writes the merged JSONL in plan order.

import type { Command } from 'commander';
import { formatNames, SWEEP_FORMATS } from '../../output/registry.js';
import type { CliIo } from '../cli-io.js';

interface MergeOptions {
  readonly out?: string;
  readonly metrics?: string;
  readonly grid?: string;
  readonly format: string;
  readonly fail: boolean;
  readonly force?: boolean;
  readonly pool?: string;
}

export function define(program: Command, io: CliIo): void {
  program
    .command('merge')
    .description('combine the JSONL results of sweep shards into one summary')
    .argument('<files...>', 'JSONL files written by ddsim sweep --out')
    .option('--out <file.jsonl>', 'write the merged results (header and runs in plan order) to this new file')
    .option('--force', 'replace an existing --out file')
    .option('--metrics <names>', 'metrics to summarize, comma-separated (default: those of the sweep)')
    .option('--grid <metric>', 'metric of the two-parameter grid (default: the first of --metrics)')
    .option('--pool <histograms>', 'histograms to pool across the runs of each combination (the runs must have been swept with --pool)')
    .option('--format <format>', formatNames(SWEEP_FORMATS), 'table')
    .option('--no-fail', 'exit 0 even when runs failed or are missing')
    .addHelpText(
      'after',
      '\nExit codes: 0 complete and every run passed, 1 a run failed or is missing, 2 invalid input (different sweeps,\n' +
        "overlapping shards), 3 a run did not complete, 4 a run's model threw, 70 an internal error. Several: the highest.",
    )
    .action(async (files: string[], options: MergeOptions) => {
      const [{ parseSummaryFormat }, { mergeSweepFiles }] = await Promise.all([import('../sweep-summary-output.js'), import('../sweep-merge.js')]);
      const format = parseSummaryFormat(options.format);
      await mergeSweepFiles(files, { ...options, format }, io);
    });
}
