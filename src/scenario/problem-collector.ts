// Collects every problem found while loading a scenario, each located in the source: file,
// 1-based line and column (from the yaml LineCounter), key path. Values that came from a
// `--set` expression are located as `--set <expression>` with line and column 0.

import type { LineCounter } from 'yaml';
import type { InputProblem } from '../errors/input-error.js';

/** Where a problem is: the nearest YAML node that has a position, and the key path. */
export interface Located {
  /** A yaml node (or anything else: then only the file is known). */
  readonly node: unknown;
  readonly path: string;
}

export interface SourceOrigin {
  readonly file: string;
  readonly lineCounter: LineCounter;
  /** Nodes created by `--set`, mapped to the expression that created them. */
  readonly setOrigins: WeakMap<object, string>;
}

export class ProblemCollector {
  private readonly found: InputProblem[] = [];

  constructor(private readonly origin: SourceOrigin) {}

  get problems(): readonly InputProblem[] {
    return this.found;
  }

  get count(): number {
    return this.found.length;
  }

  report(at: Located, message: string, hint?: string): void {
    this.add({ ...this.locate(at.node), path: at.path, message, ...(hint ? { hint } : {}) });
  }

  add(problem: InputProblem): void {
    this.found.push(problem);
  }

  /** File, line and column of a node: its `--set` expression, its position, or just the file. */
  locate(node: unknown): { file: string; line: number; column: number } {
    if (typeof node === 'object' && node !== null) {
      const expression = this.origin.setOrigins.get(node);
      if (expression !== undefined) return { file: `--set ${expression}`, line: 0, column: 0 };
      const range = (node as { range?: readonly number[] | null }).range;
      if (range && typeof range[0] === 'number') {
        const position = this.origin.lineCounter.linePos(range[0]);
        return { file: this.origin.file, line: position.line, column: position.col };
      }
    }
    return { file: this.origin.file, line: 0, column: 0 };
  }
}
