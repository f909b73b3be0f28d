// The replicated log of one Raft server: entries at indexes 1..lastIndex, each with the term in
// which a leader created it and its command. Kept in ctx.durable (it is on disk): it survives
// crashes. Pure data structure: no messages, no clock. Index 0 is the empty prefix (term 0).

import type { LogEntry } from './messages.js';

export class RaftLog {
  private readonly entries: LogEntry[] = [];

  get lastIndex(): number {
    return this.entries.length;
  }

  get lastTerm(): number {
    return this.termAt(this.entries.length) ?? 0;
  }

  /** The term of the entry at `index` (0 for index 0), undefined beyond the end. */
  termAt(index: number): number | undefined {
    if (index === 0) return 0;
    return this.entries[index - 1]?.term;
  }

  entryAt(index: number): LogEntry {
    const entry = this.entries[index - 1];
    if (entry === undefined) throw new Error(`RaftLog.entryAt(${index}): the log ends at ${this.entries.length}`);
    return entry;
  }

  append(entry: LogEntry): number {
    this.entries.push(entry);
    return this.entries.length;
  }

  /** Entries from `fromIndex` (at least 1), at most `countMax` of them. */
  slice(fromIndex: number, countMax: number): LogEntry[] {
    return this.entries.slice(fromIndex - 1, fromIndex - 1 + countMax);
  }

  /** Removes the entry at `index` and every later one (a conflicting suffix from an old term). */
  truncateFrom(index: number): void {
    if (index < 1) throw new Error(`RaftLog.truncateFrom(${index}): index 0 is the empty prefix`);
    this.entries.length = Math.min(this.entries.length, index - 1);
  }

  /** The first index holding `term`, searching back from `index` (the conflict hint of a rejection). */
  firstIndexOfTerm(index: number): number {
    const term = this.termAt(index);
    let first = index;
    while (first > 1 && this.termAt(first - 1) === term) first--;
    return first;
  }

  /**
   * Raft's up-to-date rule (§5.4.1): whether a log ending at (lastTerm, lastIndex) is at least as
   * up to date as this one — a later last term wins; with equal last terms, the longer log.
   */
  isNoOlderThanThis(lastTerm: number, lastIndex: number): boolean {
    return lastTerm > this.lastTerm || (lastTerm === this.lastTerm && lastIndex >= this.lastIndex);
  }
}
