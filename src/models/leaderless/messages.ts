// Messages between a coordinator and the replicas of the leaderless model.

import type { KvValue } from '../../model/kit/kv/kv-messages.js';

/** A write as replicas keep it. Which of two wins: conflict.ts. */
export interface Versioned {
  readonly value: KvValue;
  /** Unique per write (the coordinator's counter and index); the order under `conflict: versions`. */
  readonly version: number;
  /** Under `conflict: lww` only: the order. Read repair and hinted handoff pass it on unchanged. */
  readonly stamp?: WriteStamp;
}

/** A last-write-wins timestamp: what the writer's time-of-day clock read, and who the writer was. */
export interface WriteStamp {
  readonly timestampUs: number;
  readonly writer: string;
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
