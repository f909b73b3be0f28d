// Messages between the replicas of the leader-follower model (clients speak kv-messages.ts).

import type { KvValue } from '../../model/kit/kv/kv-messages.js';

/** A replicated write: versions (epoch, seq) order writes; a newer epoch always wins. */
export interface Entry {
  readonly key: string;
  readonly value: KvValue;
  readonly epoch: number;
  readonly seq: number;
}

export type ReplicaMessage =
  | { readonly kind: 'lf.heartbeat'; readonly epoch: number; readonly leader: string }
  | { readonly kind: 'lf.append'; readonly epoch: number; readonly leader: string; readonly entries: readonly Entry[] }
  | { readonly kind: 'lf.append-ack'; readonly epoch: number; readonly seqs: readonly number[] }
  /** Fencing: the sender knows a newer epoch than the message it answers. */
  | { readonly kind: 'lf.stale'; readonly epoch: number }
  | { readonly kind: 'lf.sync-request' }
  | { readonly kind: 'lf.snapshot'; readonly epoch: number; readonly entries: readonly Entry[] }
  | { readonly kind: 'lf.vote-request'; readonly epoch: number; readonly positionEpoch: number; readonly positionSeq: number }
  | { readonly kind: 'lf.vote'; readonly epoch: number; readonly granted: boolean };

export function isReplicaMessage(message: unknown): message is ReplicaMessage {
  const kind = (message as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && kind.startsWith('lf.');
}
