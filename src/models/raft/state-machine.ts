// The key-value state machine every Raft server applies committed entries to, in log order:
// reads return the value, writes set it, compare-and-sets set it when the value matches. Writes
// and compare-and-sets are de-duplicated by request id: a client's retry that reached the log
// twice takes effect once and gets the first outcome again. Volatile, but checkpointed: a server
// saves a snapshot of it every so many entries (snapshot.ts), and a restarted one starts from its
// last snapshot and applies the rest of its log again. Pure: no messages, no clock.

import type { KvValue } from '../../model/kit/kv/kv-messages.js';
import type { Command } from './messages.js';

export interface CommandResult {
  readonly outcome: 'ok' | 'mismatch';
  /** What a read returned. */
  readonly value?: KvValue;
}

/** A copy of the state machine as of a log index (plain data, kept in ctx.durable). */
export interface StateMachineSnapshot {
  readonly index: number;
  readonly values: readonly (readonly [string, KvValue])[];
  readonly outcomes: readonly (readonly [number, CommandResult])[];
}

export class KvStateMachine {
  private readonly values: Map<string, KvValue>;
  /** Outcomes of the writes and compare-and-sets applied, by request id. */
  private readonly outcomes: Map<number, CommandResult>;

  constructor(snapshot: StateMachineSnapshot | null = null) {
    this.values = new Map(snapshot?.values ?? []);
    this.outcomes = new Map(snapshot?.outcomes ?? []);
  }

  snapshot(index: number): StateMachineSnapshot {
    return { index, values: [...this.values], outcomes: [...this.outcomes] };
  }

  read(key: string): KvValue {
    return this.values.get(key) ?? null;
  }

  /** True when the request already took effect (a retry). */
  hasApplied(requestId: number): boolean {
    return this.outcomes.has(requestId);
  }

  outcomeOf(requestId: number): CommandResult | undefined {
    return this.outcomes.get(requestId);
  }

  apply(command: Command): CommandResult {
    if (command.kind === 'noop') return { outcome: 'ok' };
    if (command.f === 'read') return { outcome: 'ok', value: this.read(command.key) };
    const previous = this.outcomes.get(command.requestId);
    if (previous !== undefined) return previous;
    const matches = command.f === 'write' || this.read(command.key) === (command.expected ?? null);
    if (matches) this.values.set(command.key, command.value!);
    const result: CommandResult = { outcome: matches ? 'ok' : 'mismatch' };
    this.outcomes.set(command.requestId, result);
    return result;
  }

  /** Key -> value, keys sorted (for the `converged` check). */
  contents(): [string, KvValue][] {
    return [...this.values.keys()].sort().map((key) => [key, this.values.get(key)!]);
  }
}
