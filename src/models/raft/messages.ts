// Messages between Raft servers (clients speak kv-messages.ts), and the commands a log carries.
// Plain data. RequestVote and AppendEntries follow Figure 2 of the Raft paper, plus a pre-vote
// flag (§9.6 of Ongaro's thesis), a conflict hint for fast backup, and the leader's send time
// echoed back (its monotonic clock: read-index and lease reads count acknowledgements by it).

import type { KvOperationName, KvValue } from '../../model/kit/kv/kv-messages.js';

/** A client's read, write or compare-and-set, as a log entry carries it. */
export interface KvCommand {
  readonly kind: 'kv';
  readonly requestId: number;
  readonly f: KvOperationName;
  readonly key: string;
  readonly value?: number;
  readonly expected?: KvValue;
}

/** The entry a new leader appends at the start of its term, so that it can commit (§8). */
export interface NoopCommand {
  readonly kind: 'noop';
}

export type Command = KvCommand | NoopCommand;

export interface LogEntry {
  readonly term: number;
  readonly command: Command;
}

export type RaftMessage =
  | {
      readonly kind: 'raft.request-vote';
      /** The candidate's term; for a pre-vote, the term it would stand in (its own is not bumped). */
      readonly term: number;
      readonly lastLogIndex: number;
      readonly lastLogTerm: number;
      readonly preVote: boolean;
    }
  | {
      readonly kind: 'raft.vote';
      /** The voter's current term (a candidate that sees a higher one steps down). */
      readonly term: number;
      /** The term the vote was asked for. */
      readonly forTerm: number;
      readonly granted: boolean;
      readonly preVote: boolean;
    }
  | {
      readonly kind: 'raft.append-entries';
      readonly term: number;
      readonly prevLogIndex: number;
      readonly prevLogTerm: number;
      readonly entries: readonly LogEntry[];
      readonly leaderCommit: number;
      /** The leader's monotonic clock when it sent this (echoed in the reply). */
      readonly sentAtUs: number;
    }
  | {
      readonly kind: 'raft.append-reply';
      readonly term: number;
      readonly success: boolean;
      /** Success: the follower's log matches the leader's up to here. Failure: where to resume (the conflict hint). */
      readonly index: number;
      readonly sentAtUs: number;
    };

export function isRaftMessage(message: unknown): message is RaftMessage {
  const kind = (message as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && kind.startsWith('raft.');
}

/** How a command reads in a witness: `write k3=17 (request 42)`, `noop`. */
export function describeCommand(command: Command): string {
  if (command.kind === 'noop') return 'noop';
  const { f, key, requestId } = command;
  const what = f === 'read' ? `read ${key}` : f === 'write' ? `write ${key}=${command.value}` : `cas ${key} ${String(command.expected ?? null)}->${command.value}`;
  return `${what} (request ${requestId})`;
}
