// Shrinking a failing scenario to a small one that fails the same way (failure.ts): faults removed
// by delta debugging, then one at a time; each fault's `for:` shortened and `at:` moved earlier
// (binary search over round values); `duration` shortened; the workload's rate and concurrency
// lowered and clients and servers dropped from the model's own lists where the model accepts it
// (`workload.rate`, `workload.concurrency`, `workload.clients`, `system.servers`,
// `system.replicas`). Faults go first: with named random streams, removing a fault leaves the
// rest of the run's randomness alone, so the remaining faults still meet the same world. The run
// stays long enough for every fault to end within it, and the last fault is removed only when
// the scenario as written fails without any. The passes repeat while they change something (at most PASS_COUNT_MAX). Every candidate is a text
// edit of the scenario, run from scratch; identical candidates run once. Deterministic: the same
// scenario shrinks to the same text, in the same number of runs. Bounded by `maxRuns`.

import { parse } from 'yaml';
import type { RunOutcome } from '../sweep/sweep-record.js';
import { parseDurationUs, parseRatePerSecond } from '../scenario/units.js';
import { ddmin, removeOneAtATime } from './ddmin.js';
import type { ShrinkFigures } from './explore-record.js';
import { showsFailure, type FailureSignature } from './failure.js';
import { durationText, entryDurationUs, faultText, withDuration } from './fault-entries.js';
import { flowText } from './flow-text.js';
import type { FaultEntry } from './fault-generators.js';
import { roundValuesBelow, smallestFailing } from './ladder.js';
import type { ScenarioTextInput } from './run-text.js';
import { applyTextEdits, type TextEdit, type ValuePath } from './yaml-text-edits.js';

export const SHRINK_RUNS_DEFAULT = 300;
const PASS_COUNT_MAX = 3;
const US_PER_MS = 1000;

/** Lists of the model's nodes that shrinking tries to shorten, and numbers it tries to lower. */
const NODE_LISTS: readonly ValuePath[] = [['workload', 'clients'], ['system', 'servers'], ['system', 'replicas']];
const RATE_PATH: ValuePath = ['workload', 'rate'];
const CONCURRENCY_PATH: ValuePath = ['workload', 'concurrency'];

export interface ShrinkSubject {
  /** The failing scenario, self-contained (no `--set` left to apply). */
  readonly text: string;
  /** The path candidate runs report (the minimal file's), and the directory models resolve from. */
  readonly file: string;
  readonly scenarioDir: string;
  readonly failure: FailureSignature;
  /** Events of the failing run. */
  readonly events: number;
  /** Runs already spent finding out how it fails (1 for `ddsim shrink`, 0 after explore). */
  readonly runsSpent: number;
}

export interface ShrinkOptions {
  readonly maxRuns: number;
  /** Runs one candidate; null when interrupted. */
  readonly run: (input: ScenarioTextInput) => Promise<RunOutcome | null>;
  /** After every run, for a progress display. */
  readonly onRun?: (runsSpent: number, faultCount: number) => void;
}

export interface ShrinkResult {
  /** The minimal scenario text (the comment saying what was removed is the caller's). */
  readonly text: string;
  readonly faults: readonly FaultEntry[];
  readonly before: ShrinkFigures;
  readonly after: ShrinkFigures;
  readonly runsSpent: number;
  readonly budgetReached: boolean;
  /** What was removed or reduced, one line each, in the order it happened. */
  readonly changes: readonly string[];
  /** What was present but kept, and why. */
  readonly kept: readonly string[];
}

export class ShrinkInterrupted extends Error {
  constructor(readonly runsSpent: number) {
    super(`interrupted after ${runsSpent} shrink runs`);
    this.name = 'ShrinkInterrupted';
  }
}

interface Candidate {
  readonly faults: readonly FaultEntry[];
  readonly durationUs: number;
  /** Values changed at paths (key: the path joined with dots). */
  readonly values: ReadonlyMap<string, { readonly path: ValuePath; readonly value: unknown }>;
}

export async function shrinkScenario(subject: ShrinkSubject, options: ShrinkOptions): Promise<ShrinkResult> {
  return new Shrinker(subject, options).shrink();
}

class Shrinker {
  private readonly original: Record<string, unknown>;
  private readonly originalFaults: readonly FaultEntry[];
  private readonly originalDurationUs: number;
  private readonly verdicts = new Map<string, boolean>();
  private readonly eventsOf = new Map<string, number>();
  private runsSpent: number;
  private budgetReached = false;
  private current: Candidate;
  private readonly changes: string[] = [];
  /**
   * Whether the scenario fails with no fault at all, as first written (the first pass finds out).
   * When it does not, a later pass may not remove the last fault: a shorter run or a lighter
   * workload that fails on its own would be another failure, not a smaller reproducer of this one.
   */
  private failsWithoutFaults: boolean | null = null;

  constructor(
    private readonly subject: ShrinkSubject,
    private readonly options: ShrinkOptions,
  ) {
    this.original = (parse(subject.text) ?? {}) as Record<string, unknown>;
    this.originalFaults = Array.isArray(this.original['faults']) ? (this.original['faults'] as FaultEntry[]) : [];
    const duration = parseDurationUs(this.original['duration']);
    this.originalDurationUs = duration.ok ? duration.value : 0;
    this.runsSpent = subject.runsSpent;
    this.current = { faults: this.originalFaults, durationUs: this.originalDurationUs, values: new Map() };
    this.verdicts.set(this.render(this.current), true);
    this.eventsOf.set(this.render(this.current), subject.events);
  }

  async shrink(): Promise<ShrinkResult> {
    for (let pass = 0; pass < PASS_COUNT_MAX; pass++) {
      const before = this.render(this.current);
      await this.removeFaults();
      await this.shortenFaults('for', US_PER_MS);
      await this.shortenFaults('at', 0);
      await this.shortenDuration();
      await this.lowerNumber(RATE_PATH, 1, (value) => `${value}/s`, (value) => parseRate(value));
      await this.lowerNumber(CONCURRENCY_PATH, 1, (value) => value, (value) => (Number.isInteger(value) ? (value as number) : null));
      for (const path of NODE_LISTS) await this.shortenList(path);
      if (this.render(this.current) === before || this.budgetReached) break;
    }
    const text = this.render(this.current);
    return {
      text,
      faults: this.current.faults,
      before: { faultCount: this.originalFaults.length, durationMs: this.originalDurationUs / US_PER_MS, events: this.subject.events },
      after: { faultCount: this.current.faults.length, durationMs: this.current.durationUs / US_PER_MS, events: this.eventsOf.get(text) ?? this.subject.events },
      runsSpent: this.runsSpent,
      budgetReached: this.budgetReached,
      changes: this.changes,
      kept: this.keptLines(),
    };
  }

  private async removeFaults(): Promise<void> {
    const faults = this.current.faults;
    if (faults.length === 0) return;
    const indices = faults.map((_, i) => i);
    const firstPass = this.failsWithoutFaults === null;
    const fails = (subset: readonly number[]): Promise<boolean> =>
      subset.length === 0 && !firstPass && this.failsWithoutFaults !== true ? Promise.resolve(false) : this.fails({ ...this.current, faults: subset.map((i) => faults[i]!) });
    const kept = await removeOneAtATime(await ddmin(indices, fails), fails);
    if (firstPass) this.failsWithoutFaults = kept.length === 0;
    if (kept.length === faults.length) return;
    const removed = indices.filter((i) => !kept.includes(i));
    this.current = { ...this.current, faults: kept.map((i) => faults[i]!) };
    this.changes.push(`faults: ${faults.length} -> ${kept.length}`);
    for (const i of removed) this.changes.push(`  removed ${faultText(faults[i]!)}`);
  }

  /** Each fault's `for:` shorter (floor 1ms) or `at:` earlier (floor 0), one fault at a time. */
  private async shortenFaults(key: 'at' | 'for', floorUs: number): Promise<void> {
    for (let i = 0; i < this.current.faults.length; i++) {
      const entry = this.current.faults[i]!;
      const valueUs = entryDurationUs(entry, key);
      if (valueUs === null) continue;
      const withValue = (us: number): Candidate => ({ ...this.current, faults: this.current.faults.map((fault, j) => (j === i ? withDuration(fault, key, us) : fault)) });
      const found = await smallestFailing(roundValuesBelow(valueUs, floorUs, US_PER_MS), (us) => this.fails(withValue(us)));
      if (found === null) continue;
      this.current = withValue(found);
      this.changes.push(`${key} ${durationText(valueUs)} -> ${durationText(found)}: ${faultText(this.current.faults[i]!)}`);
    }
  }

  /** `duration` shorter, but not before every fault has started and, when it reverts, ended. */
  private async shortenDuration(): Promise<void> {
    const lastEndUs = Math.max(-1, ...this.current.faults.map((fault) => (entryDurationUs(fault, 'at') ?? -1) + (entryDurationUs(fault, 'for') ?? 0)));
    const floorUs = Math.max(US_PER_MS, lastEndUs + 1);
    const durationUs = this.current.durationUs;
    const found = await smallestFailing(roundValuesBelow(durationUs, floorUs, US_PER_MS), (us) => this.fails({ ...this.current, durationUs: us }));
    if (found === null) return;
    this.current = { ...this.current, durationUs: found };
    this.changes.push(`duration ${durationText(durationUs)} -> ${durationText(found)}`);
  }

  private async lowerNumber(path: ValuePath, floor: number, write: (value: number) => unknown, read: (value: unknown) => number | null): Promise<void> {
    const value = read(this.valueAt(path));
    if (value === null || value <= floor) return;
    const withValue = (n: number): Candidate => this.withValue(path, write(n));
    const found = await smallestFailing(roundValuesBelow(value, floor), (n) => this.fails(withValue(n)));
    if (found === null) return;
    this.current = withValue(found);
    this.changes.push(`${path.join('.')} ${String(write(value))} -> ${String(write(found))}`);
  }

  private async shortenList(path: ValuePath): Promise<void> {
    const list = this.valueAt(path);
    if (!Array.isArray(list) || list.length < 2) return;
    const kept = await removeOneAtATime(list, (subset) => (subset.length === 0 ? Promise.resolve(false) : this.fails(this.withValue(path, subset))));
    if (kept.length === list.length) return;
    this.current = this.withValue(path, kept);
    this.changes.push(`${path.join('.')}: removed ${list.filter((item) => !kept.includes(item)).join(', ')}`);
  }

  private keptLines(): string[] {
    const lines: string[] = [];
    const changed = (path: ValuePath): boolean => this.changes.some((line) => line.startsWith(path.join('.')));
    for (const path of [RATE_PATH, CONCURRENCY_PATH, ...NODE_LISTS]) {
      const value = this.valueAt(path);
      if (value === undefined || changed(path)) continue;
      lines.push(`${path.join('.')} ${flowText(value)}: nothing smaller fails the same way (or the model refuses it)`);
    }
    lines.push('not reduced generically: nodes, network, clocks and the model\'s other keys (ddsim cannot tell which of them a model needs)');
    return lines;
  }

  private valueAt(path: ValuePath): unknown {
    const changed = this.current.values.get(path.join('.'));
    if (changed !== undefined) return changed.value;
    return path.reduce<unknown>((node, segment) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined), this.original);
  }

  private withValue(path: ValuePath, value: unknown): Candidate {
    const values = new Map(this.current.values);
    values.set(path.join('.'), { path, value });
    return { ...this.current, values };
  }

  /** The candidate's text: only what differs from the original is edited. */
  private render(candidate: Candidate): string {
    const edits: TextEdit[] = [];
    if (JSON.stringify(candidate.faults) !== JSON.stringify(this.originalFaults)) edits.push({ path: ['faults'], value: candidate.faults, block: true });
    if (candidate.durationUs !== this.originalDurationUs) edits.push({ path: ['duration'], value: durationText(candidate.durationUs) });
    for (const { path, value } of candidate.values.values()) edits.push({ path, value, block: false });
    return applyTextEdits(this.subject.text, edits);
  }

  private async fails(candidate: Candidate): Promise<boolean> {
    const text = this.render(candidate);
    const known = this.verdicts.get(text);
    if (known !== undefined) return known;
    if (this.runsSpent >= this.options.maxRuns) {
      this.budgetReached = true;
      return false;
    }
    this.runsSpent++;
    const outcome = await this.options.run({ file: this.subject.file, text, scenarioDir: this.subject.scenarioDir });
    if (outcome === null) throw new ShrinkInterrupted(this.runsSpent);
    const fails = showsFailure(outcome, this.subject.failure);
    this.verdicts.set(text, fails);
    if (fails && outcome.kind === 'result') this.eventsOf.set(text, outcome.metrics['events'] ?? 0);
    this.options.onRun?.(this.runsSpent, candidate.faults.length);
    return fails;
  }
}

function parseRate(value: unknown): number | null {
  const parsed = parseRatePerSecond(value);
  return parsed.ok ? parsed.value : null;
}
