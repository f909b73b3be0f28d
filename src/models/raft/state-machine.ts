// The key-value state machine every Raft server applies committed entries to, in log order:
// reads return the value, writes set it, compare-and-sets set it when the value matches. Writes
// and compare-and-sets are de-duplicated by request id: a client's retry that reached the log
// twice takes effect once and gets the first outcome again. Volatile: a restarted server rebuilds
// it by applying its log from index 1 again. Pure: no messages, no clock.

import type { KvValue } from '../../model/kit/kv/kv-messages.js';
import type { Command } from './messages.js';

export interface CommandResult {
  readonly outcome: 'ok' | 'mismatch';
  /** What a read returned. */
  readonly value?: KvValue;
}

export class KvStateMachine {
  private readonly values = new Map<string, KvValue>();
  /** Outcomes of the writes and compare-and-sets applied, by request id. */
  private readonly outcomes = new Map<number, CommandResult>();

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
