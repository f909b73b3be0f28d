// Scenario text parsed into a YAML document once, so that many runs of it (a sweep's worker runs
// the same file hundreds of times) can each read their own copy with their own `--set`s and seed
// instead of parsing the text again. The document here is never changed: every load works on
// `copyDocument()`, a shallow copy whose contents `--set`s replace copy-on-write (apply-sets.ts). Syntax errors are kept as located problems, reported by every load of it.
// Pure: no file system (src/io reads the text).

import { LineCounter, parseDocument, type Document } from 'yaml';
import { InputError, type InputProblem } from '../errors/input-error.js';
import { offsetPastTokenBound, YAML_TOKEN_COUNT_MAX } from './yaml-token-bound.js';

export interface ParsedScenarioText {
  /** Path as the user wrote it (for messages). */
  readonly file: string;
  /** Positions of the document's nodes: only read, so shared by every copy. */
  readonly lineCounter: LineCounter;
  /** The file's YAML syntax errors, located; a document with any is not read further. */
  readonly syntaxProblems: readonly InputProblem[];
  /** A shallow copy of the document, for one load's `--set`s (which replace nodes, never change them). */
  copyDocument(): Document;
}

/** Parses `text`; throws InputError when it is too much YAML to parse in bounded memory. */
export function parseScenarioText(file: string, text: string): ParsedScenarioText {
  refuseOversizedYaml(file, text);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxProblems = document.errors.map((error): InputProblem => {
    const position = lineCounter.linePos(error.pos[0]);
    const hint = syntaxHint(error.code, error.message);
    return { file, line: position.line, column: position.col, path: '', message: syntaxMessage(error.message), ...(hint ? { hint } : {}) };
  });
  return { file, lineCounter, syntaxProblems, copyDocument: () => shallowCopy(document) };
}

/** The document's own fields copied (its contents may be replaced); its nodes shared. */
function shallowCopy(document: Document): Document {
  return Object.create(Object.getPrototypeOf(document), Object.getOwnPropertyDescriptors(document)) as Document;
}

/** Too much YAML to build a document of in bounded memory: one located problem, nothing parsed. */
function refuseOversizedYaml(file: string, text: string): void {
  const offset = offsetPastTokenBound(text);
  if (offset === null) return;
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  throw new InputError([
    {
      file,
      line,
      column: offset - lineStart + 1,
      path: '',
      message: `more than ${YAML_TOKEN_COUNT_MAX.toLocaleString('en-US')} YAML tokens: refused before parsing (this much YAML would take gigabytes of memory)`,
      hint: 'describe long fault lists with random faults (`random: { crash: ... }`) or let `ddsim explore` draw them',
    },
  ]);
}

/** `*` starts a YAML alias: the usual cause of alias errors in scenarios is an unquoted glob. */
function syntaxHint(code: string, message: string): string | undefined {
  if (code === 'BAD_ALIAS' || /alias/i.test(message)) return 'quote values that start with *, e.g. link: "* -> server-1"';
  return undefined;
}

function syntaxMessage(message: string): string {
  return `YAML syntax error: ${message.split('\n')[0]}`;
}
