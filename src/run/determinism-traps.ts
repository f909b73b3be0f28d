// While a run executes model code, Math.random and Date.now throw: a model that reads them would
// make the run irreproducible, silently. The error names the call and what to use instead; the CLI
// reports it like any other model bug (exit 4, with the node and simulated time). A model that
// catches the error does not escape: the first trapped call is remembered and rethrown when the
// model's code returns.

import { ModelApiMisuse } from '../model/api-misuse.js';

const ALTERNATIVES = {
  'Math.random': 'draw from ctx.random, ctx.stream(name) or ctx.sample(...) (seeded)',
  'Date.now': 'read ctx.nowUs() or ctx.monotonicUs() (simulated time)',
} as const;

export class DeterminismTraps {
  private firstMisuse: ModelApiMisuse | null = null;
  /** Where the first trapped call happened: the run reports the error there, not where it surfaced. */
  misusedAt: { readonly node: string | null; readonly nowUs: number } | null = null;

  /** `where` tells the node whose code is running (null: none) and the simulated time. */
  constructor(private readonly where: () => { readonly node: string | null; readonly nowUs: number }) {}

  /** Runs `work` with the traps set, restoring the real functions afterwards. */
  run<T>(work: () => T): T {
    const remove = this.install();
    try {
      const result = work();
      this.rethrow();
      return result;
    } finally {
      remove();
    }
  }

  /** Sets the traps; returns the function that removes them. */
  install(): () => void {
    const realRandom = Math.random;
    const realNow = Date.now;
    Math.random = () => this.trap('Math.random');
    Date.now = () => this.trap('Date.now');
    return () => {
      Math.random = realRandom;
      Date.now = realNow;
    };
  }

  /** Throws the first trapped call again, in case the model caught it. */
  rethrow(): void {
    if (this.firstMisuse !== null) throw this.firstMisuse;
  }

  private trap(call: keyof typeof ALTERNATIVES): never {
    const where = this.where();
    this.misusedAt ??= where;
    const misuse = new ModelApiMisuse(call, `the run would not be reproducible from its seed: ${ALTERNATIVES[call]}`);
    this.firstMisuse ??= misuse;
    throw misuse;
  }
}
