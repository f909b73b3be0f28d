// The CLI's window on the outside world: streams, environment, working directory, exit code.
// Commands and helpers talk to the world only through this (tests substitute fakes).

/** What commands may use to talk to the outside world (tests substitute these). */
export interface CliIo {
  readonly stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  readonly stderr: NodeJS.WritableStream & { isTTY?: boolean };
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Set by a command's action; main() returns it. */
  setExitCode(code: number): void;
}
