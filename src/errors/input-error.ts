// Problems with a user's input (a scenario file, a --set value, a history file), located as
// precisely as we can, and the error that carries all of them at once. Plain data: the CLI turns
// them into output and exit code 2; layers below it (the scenario loader, the checker's readers)
// raise them without knowing about the terminal.

/** One problem with an input, located as precisely as we can. */
export interface InputProblem {
  readonly file: string;
  /** 1-based; 0 when unknown (e.g. a --set value). */
  readonly line: number;
  readonly column: number;
  /** Key path such as `network.links[0].loss`, or '' for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly hint?: string;
}

/** Invalid input: reported as a list, exit code 2, no stack trace. */
export class InputError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
  }
}

export function formatProblem(problem: InputProblem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
  const key = problem.path ? ` ${problem.path}:` : '';
  const hint = problem.hint ? ` (${problem.hint})` : '';
  return `${where}:${key} ${problem.message}${hint}`;
}
