// Limits on a check, so that a hard history ends in `unknown` instead of a hang or an
// out-of-memory crash. The checker never reads the wall clock itself: pass `clock` to enable
// `timeoutMs` (the CLI passes performance.now).

export interface CheckBudget {
  /** Most memoized search states, summed over keys; each costs about 100 bytes. Default 2,000,000. */
  readonly maxStates?: number;
  /** Wall-clock limit in milliseconds; only honoured together with `clock`. Default: none. */
  readonly timeoutMs?: number;
  /** Milliseconds from any fixed origin. */
  readonly clock?: () => number;
}

export const DEFAULT_MAX_STATES = 2_000_000;

/** Mutable tracker shared by every search of one check. */
export class BudgetTracker {
  private statesUsed = 0;
  private readonly deadlineMs: number;

  constructor(
    private readonly maxStates: number,
    timeoutMs: number | undefined,
    private readonly clock: (() => number) | undefined,
  ) {
    this.deadlineMs = clock && timeoutMs !== undefined ? clock() + timeoutMs : Infinity;
  }

  static from(budget: CheckBudget = {}): BudgetTracker {
    return new BudgetTracker(budget.maxStates ?? DEFAULT_MAX_STATES, budget.timeoutMs, budget.clock);
  }

  /** A tracker for a sub-task, limited to `maxStates` and to what is left of this one. */
  child(maxStates: number): BudgetTracker {
    const remainingMs = this.deadlineMs === Infinity || !this.clock ? undefined : this.deadlineMs - this.clock();
    return new BudgetTracker(Math.min(maxStates, this.statesLeft()), remainingMs, this.clock);
  }

  get states(): number {
    return this.statesUsed;
  }

  statesLeft(): number {
    return Math.max(0, this.maxStates - this.statesUsed);
  }

  /** Counts one new state; false when the state budget is spent. */
  addState(): boolean {
    this.statesUsed += 1;
    return this.statesUsed <= this.maxStates;
  }

  /** Charges states a child tracker used. */
  addStates(count: number): void {
    this.statesUsed += count;
  }

  timedOut(): boolean {
    return this.clock !== undefined && this.deadlineMs !== Infinity && this.clock() > this.deadlineMs;
  }
}
