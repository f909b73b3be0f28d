// Messages between a coordinator and the replicas of the leaderless model.

import type { KvValue } from '../../model/kit/kv/kv-messages.js';

/** Versions decide which value wins: a higher version replaces a lower one. */
export interface Versioned {
  readonly value: KvValue;
  readonly version: number;
}

export type LeaderlessMessage =
  | { readonly kind: 'll.write'; readonly id: number; readonly key: string; readonly item: Versioned; readonly hintFor: string | null }
  | { readonly kind: 'll.write-ack'; readonly id: number }
  | { readonly kind: 'll.read'; readonly id: number; readonly key: string }
  | { readonly kind: 'll.read-reply'; readonly id: number; readonly item: Versioned | null }
  | { readonly kind: 'll.handoff'; readonly key: string; readonly item: Versioned }
  | { readonly kind: 'll.handoff-ack'; readonly key: string; readonly version: number };

export function isLeaderlessMessage(message: unknown): message is LeaderlessMessage {
  const kind = (message as { kind?: unknown } | null)?.kind;
  return typeof kind === 'string' && kind.startsWith('ll.');
}
