// `ddsim check <history-file...>`: checks recorded histories (Jepsen EDN, Jepsen/etcd log lines)
// for linearizability. Prints a verdict per file (and a witness for a violation), then a summary.
// Exit codes: 2 when any file is unreadable, else 1 when any history is not linearizable, else
// 3 when any check ran out of budget (unknown), else 0. Ctrl-C stops the check at once: exit 130.

import { readTextFileBounded } from '../../io/bounded-text-file.js';
import path from 'node:path';
import { Chalk } from 'chalk';
import type { Command } from 'commander';
import { EXIT_FAILED, EXIT_INVALID, EXIT_OK, InputError, UsageError, type InputProblem } from '../errors.js';
import { useColor } from '../terminal.js';
import { stoppableBySigint } from '../interrupt.js';
import type { CliIo } from '../cli-io.js';

/** The check could not decide within its budget. */
export const EXIT_UNKNOWN = 3;

/** Histories are read whole for now (streaming them is issue 15's next step): bounded meanwhile. */
const HISTORY_FILE_BYTES_MAX = 256 * 1024 * 1024;

interface CheckCommandOptions {
  readonly model?: string;
  readonly initial?: string;
  readonly format: string;
  readonly maxStates?: string;
  readonly timeout?: string;
  readonly witness: boolean;
}

type CheckModule = typeof import('../../check/index.js');
type CheckResult = import('../../check/index.js').CheckResult;
type ParsedHistory = import('../../check/index.js').ParsedHistory;
type SequentialModel = import('../../check/index.js').SequentialModel<unknown>;

interface FileOutcome {
  readonly file: string;
  readonly history: ParsedHistory;
  readonly modelName: string;
  readonly model: SequentialModel;
  readonly result: CheckResult;
  readonly elapsedMs: number;
}

export function define(program: Command, io: CliIo): void {
  program
    .command('check')
    .description('check recorded histories for linearizability (Jepsen EDN or Jepsen/etcd log lines)')
    .argument('<history-files...>', 'history files')
    .option('--model <name>', 'register | cas-register | kv | multi-register (default: from the file)')
    .option('--initial <value>', 'initial value, as EDN (default: the format\'s convention)')
    .option('--format <format>', 'text | json', 'text')
    .option('--max-states <n>', 'search states before giving up with "unknown"', '2000000')
    .option('--timeout <seconds>', 'time per file before giving up with "unknown"')
    .option('--no-witness', 'do not shrink a violation to a witness')
    .addHelpText(
      'after',
      '\nExit codes: 0 linearizable, 1 not linearizable, 2 unreadable input or usage, 3 unknown (budget ran out).' +
        '\nWith several files the worst wins: 2, then 1, then 3, then 0.',
    )
    .action(async (files: string[], options: CheckCommandOptions) => {
      const check = await import('../../check/index.js');
      const settings = parseOptions(options, check);
      const outcomes: FileOutcome[] = [];
      const problems: InputProblem[] = [];
      for (const file of files) {
        // The search is synchronous: Ctrl-C must stop it where it is (InterruptedError, exit 130).
        const outcome = stoppableBySigint(() => checkFile(file, settings, check, io, problems));
        if (outcome === null) continue;
        outcomes.push(outcome);
        if (settings.format === 'text') io.stdout.write(renderText(outcome, check, io));
      }
      if (settings.format === 'json') io.stdout.write(`${JSON.stringify(renderJson(outcomes, problems), null, 2)}\n`);
      else if (files.length > 1) io.stdout.write(`${summaryLine(outcomes, problems.length)}\n`);
      if (problems.length > 0) throw new InputError(problems);
      io.setExitCode(exitCode(outcomes));
    });
}

interface Settings {
  readonly modelName?: import('../../check/index.js').ModelName;
  readonly initialValue?: unknown;
  readonly format: 'text' | 'json';
  readonly maxStates: number;
  readonly timeoutMs?: number;
  readonly witness: boolean;
}

function parseOptions(options: CheckCommandOptions, check: CheckModule): Settings {
  if (options.format !== 'text' && options.format !== 'json') {
    throw new UsageError(`--format must be text or json, not "${options.format}"`);
  }
  if (options.model !== undefined && !check.isModelName(options.model)) {
    throw new UsageError(`--model must be one of ${check.MODEL_NAMES.join(', ')}, not "${options.model}"`);
  }
  const maxStates = Number(options.maxStates);
  if (!Number.isInteger(maxStates) || maxStates <= 0) {
    throw new UsageError(`--max-states must be a positive integer, not "${options.maxStates}"`);
  }
  const timeoutS = options.timeout === undefined ? undefined : Number(options.timeout);
  if (timeoutS !== undefined && !(timeoutS > 0)) {
    throw new UsageError(`--timeout must be a positive number of seconds, not "${options.timeout}"`);
  }
  return {
    ...(options.model !== undefined ? { modelName: options.model as Settings['modelName'] } : {}),
    ...(options.initial !== undefined ? { initialValue: parseInitial(options.initial, check) } : {}),
    format: options.format,
    maxStates,
    ...(timeoutS !== undefined ? { timeoutMs: timeoutS * 1000 } : {}),
    witness: options.witness,
  };
}

/** `--initial 0` is the number 0, `nil` is absent, `"0"` a string; a bare word is a string. */
function parseInitial(text: string, check: CheckModule): unknown {
  try {
    const forms = check.parseEdn(text);
    if (forms.length !== 1) return text;
    const value = forms[0];
    if (value !== null && typeof value === 'object' && 'name' in value) return value.name;
    return value;
  } catch {
    return text;
  }
}

function checkFile(
  file: string,
  settings: Settings,
  check: CheckModule,
  io: CliIo,
  problems: InputProblem[],
): FileOutcome | null {
  let text: string;
  try {
    text = readTextFileBounded(path.resolve(io.cwd, file), HISTORY_FILE_BYTES_MAX);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : error instanceof Error ? error.message : String(error);
    problems.push({ file, line: 0, column: 0, path: '', message: `cannot read the history: ${reason}` });
    return null;
  }
  try {
    const history = check.readHistory(text);
    const modelName = settings.modelName ?? history.suggestedModel;
    const initialValue = 'initialValue' in settings ? settings.initialValue : history.initialValue;
    const model = check.createModel(modelName, { initialValue });
    const startedMs = performance.now();
    const result = check.checkLinearizability(history.operations, model, {
      maxStates: settings.maxStates,
      witness: settings.witness,
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs, clock: () => performance.now() } : {}),
    });
    return { file, history, modelName, model, result, elapsedMs: performance.now() - startedMs };
  } catch (error) {
    if (!(error instanceof check.HistoryError)) throw error;
    problems.push({
      file,
      line: error.line,
      column: error.line > 0 ? Math.max(1, error.column) : 0,
      path: '',
      message: error.message,
      hint: 'see `ddsim check --help` for the formats it reads',
    });
    return null;
  }
}

const VERDICT_WORDS = {
  linearizable: 'linearizable',
  'not-linearizable': 'NOT linearizable',
  unknown: 'unknown (budget exhausted)',
} as const;

function renderText(outcome: FileOutcome, check: CheckModule, io: CliIo): string {
  const chalk = new Chalk({ level: useColor(io) ? 1 : 0 });
  const { result } = outcome;
  const paint =
    result.verdict === 'linearizable' ? chalk.green : result.verdict === 'unknown' ? chalk.yellow : chalk.red.bold;
  const facts = [
    outcome.modelName,
    `${result.operationCount} operations`,
    result.perKey.length > 1 || result.perKey[0]?.key !== null ? `${result.perKey.length} keys` : null,
    `${result.statesExplored} states`,
    `${outcome.elapsedMs.toFixed(0)} ms`,
  ].filter((fact) => fact !== null);
  const lines = [`${chalk.bold(outcome.file)}: ${paint(VERDICT_WORDS[result.verdict])} (${facts.join(', ')})`];
  if (result.witness) lines.push(...check.explainWitness(result.witness, outcome.model).map((line) => `  ${line}`.trimEnd()));
  if (result.verdict === 'unknown') {
    lines.push('  The search ran out of budget; raise --max-states or --timeout to look further.');
  }
  return `${lines.join('\n')}\n${result.witness ? '\n' : ''}`;
}

function summaryLine(outcomes: readonly FileOutcome[], unreadable: number): string {
  const count = (verdict: string): number => outcomes.filter((outcome) => outcome.result.verdict === verdict).length;
  const total = outcomes.length + unreadable;
  return (
    `${total} histories: ${count('linearizable')} linearizable, ${count('not-linearizable')} not linearizable, ` +
    `${count('unknown')} unknown, ${unreadable} unreadable`
  );
}

function renderJson(outcomes: readonly FileOutcome[], problems: readonly InputProblem[]): unknown {
  return {
    files: outcomes.map((outcome) => ({
      file: outcome.file,
      format: outcome.history.format,
      model: outcome.modelName,
      verdict: outcome.result.verdict,
      operationCount: outcome.result.operationCount,
      statesExplored: outcome.result.statesExplored,
      elapsedMs: Math.round(outcome.elapsedMs * 10) / 10,
      perKey: outcome.result.perKey,
      ...(outcome.result.witness ? { witness: witnessJson(outcome.result.witness, outcome.model) } : {}),
    })),
    unreadable: problems,
    exitCode: problems.length > 0 ? EXIT_INVALID : exitCode(outcomes),
  };
}

function witnessJson(witness: import('../../check/index.js').Witness, model: SequentialModel): unknown {
  const operation = (op: import('../../check/index.js').Operation) => ({
    id: op.id,
    process: op.process,
    f: op.f,
    ...(op.key !== undefined ? { key: op.key } : {}),
    input: op.input ?? null,
    output: op.output ?? null,
    outcome: op.outcome,
    ...(op.line !== undefined ? { line: op.line } : {}),
    description: model.describeOperation(op),
  });
  return {
    key: witness.key,
    operations: witness.operations.map(operation),
    weakenedIds: witness.weakened.map((op) => op.id),
    failingOperationId: witness.failingOperation.id,
    longestOrderingIds: witness.longestOrdering.map((op) => op.id),
    stateAfterOrdering: witness.stateAfterOrdering,
    minimal: witness.minimal,
  };
}

function exitCode(outcomes: readonly FileOutcome[]): number {
  const verdicts = outcomes.map((outcome) => outcome.result.verdict);
  if (verdicts.includes('not-linearizable')) return EXIT_FAILED;
  if (verdicts.includes('unknown')) return EXIT_UNKNOWN;
  return EXIT_OK;
}
