// The ddsim command line: builds the commander program from the command registry, runs it and
// maps errors to exit codes (0 ok, 1 expectation failed, 2 invalid input or usage, 3 run did not
// complete, 4 the model failed, 70 internal error, 130 interrupted). The only place (with the
// commands) that prints, reads files or decides the exit code. A closed stdout (`| head`) ends
// the process quietly with the exit code it had. Start-up is kept short: `--version` is answered
// before commander loads, and only the command named on the command line is loaded.

import { readFileSync } from 'node:fs';
import type { CommanderError } from 'commander';
import { commandsFor, type CliIo } from './commands/index.js';
import {
  EXIT_INTERNAL,
  EXIT_INTERRUPTED,
  EXIT_INVALID,
  EXIT_MODEL_FAILED,
  InputError,
  InternalRunError,
  InterruptedError,
  ModelRuntimeError,
  UsageError,
} from './errors.js';

function packageVersion(): string {
  const url = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
}

/** EPIPE on stdout or stderr (the reader went away): stop quietly with the exit code so far. */
function endQuietlyOnClosedPipe(stream: NodeJS.WritableStream, exitCode: () => number): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(exitCode());
    throw error;
  });
}

/**
 * Ctrl-C before a command has set up its own handling (while modules load, a file is read, ...)
 * ends with "interrupted" and exit 130 rather than death by the signal; once a command listens
 * for SIGINT itself (`interruptible`, sweep, explore), this listener steps aside.
 */
function exitOnInterruptUnlessHandled(): void {
  const onSignal = (): void => {
    if (process.listenerCount('SIGINT') > 1) return;
    process.stderr.write('interrupted\n');
    process.exit(EXIT_INTERRUPTED);
  };
  process.on('SIGINT', onSignal);
}

export function defaultIo(): CliIo & { exitCode: number } {
  endQuietlyOnClosedPipe(process.stdout, () => io.exitCode);
  endQuietlyOnClosedPipe(process.stderr, () => io.exitCode);
  exitOnInterruptUnlessHandled();
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

/** `ddsim --version` (or -V) and nothing else: what commander would print, without loading it. */
function isVersionRequest(args: readonly string[]): boolean {
  return args.length === 1 && (args[0] === '--version' || args[0] === '-V');
}

export async function main(argv: readonly string[], io = defaultIo()): Promise<number> {
  const args = argv.slice(2);
  if (isVersionRequest(args)) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const { Command, CommanderError } = await import('commander');
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
  for (const command of commandsFor(args)) (await command.load()).define(program, io);
  try {
    await program.parseAsync([...argv]);
    return io.exitCode;
  } catch (error) {
    return handleError(error, io, CommanderError);
  }
}

function handleError(error: unknown, io: CliIo & { exitCode: number }, commanderError: typeof CommanderError): number {
  if (error instanceof commanderError) {
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
    return EXIT_MODEL_FAILED;
  }
  if (error instanceof InterruptedError) {
    io.stderr.write(`${error.message}\n`);
    return EXIT_INTERRUPTED;
  }
  if (error instanceof InternalRunError) {
    io.stderr.write(
      `ddsim internal error (a bug in ddsim, not in your scenario or model): ${error.message}\n` +
        `Reproduce: ${error.reproduce}\nPlease report it with that command and the scenario file.\n`,
    );
    return EXIT_INTERNAL;
  }
  if (error instanceof UsageError) {
    io.stderr.write(`error: ${error.message}\n`);
    return EXIT_INVALID;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`ddsim internal error (a bug in ddsim): ${detail}\nPlease report it with the command you ran.\n`);
  return EXIT_INTERNAL;
}
