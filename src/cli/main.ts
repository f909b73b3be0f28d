// The ddsim command line: builds the commander program from the command registry, runs it and
// maps errors to exit codes (0 ok, 1 expectation failed, 2 invalid input or usage). The only
// place (with the commands) that prints, reads files or decides the exit code.

import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { commandModules, type CliIo } from './commands/index.js';
import { EXIT_INVALID, InputError, ModelRuntimeError, UsageError } from './errors.js';

function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

export function defaultIo(): CliIo & { exitCode: number } {
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    exitCode: 0,
    setExitCode(code: number) {
      io.exitCode = Math.max(io.exitCode, code);
    },
  };
  return io;
}

export async function main(argv: readonly string[], io = defaultIo()): Promise<number> {
  const program = new Command();
  program
    .name('ddsim')
    .description('Run distributed-system scenarios under faults in a seeded, deterministic simulator.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride();
  for (const load of commandModules) (await load()).define(program, io);
  try {
    await program.parseAsync([...argv]);
    return io.exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: CliIo & { exitCode: number }): number {
  if (error instanceof CommanderError) {
    // --help and --version end here with exit code 0.
    if (error.exitCode === 0) return 0;
    return EXIT_INVALID;
  }
  if (error instanceof InputError) {
    io.stderr.write(`${error.message}\n`);
    io.stderr.write(`${error.problems.length} problem${error.problems.length === 1 ? '' : 's'} found.\n`);
    return EXIT_INVALID;
  }
  if (error instanceof ModelRuntimeError) {
    io.stderr.write(`error: ${error.message}\n`);
    return EXIT_INVALID;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n`);
    return EXIT_INVALID;
  }
  throw error;
}
