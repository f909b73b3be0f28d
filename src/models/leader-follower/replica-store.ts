// One replica's copy of the data: key -> versioned value, where a version is (epoch, seq) and a
// newer version replaces an older one whatever order writes arrive in. Kept in ctx.durable, so it
// survives crashes (it is on disk). Pure data structure: no messages, no clock.

import type { KvValue } from '../../model/kit/kv/kv-messages.js';
import type { Entry } from './messages.js';

export function newer(a: { epoch: number; seq: number }, b: { epoch: number; seq: number }): boolean {
  return a.epoch > b.epoch || (a.epoch === b.epoch && a.seq > b.seq);
}

export class ReplicaStore {
  private readonly entries = new Map<string, Entry>();
  /** The newest version applied: how up to date this replica is (elections compare it). */
  position = { epoch: 0, seq: 0 };

  read(key: string): KvValue {
    return this.entries.get(key)?.value ?? null;
  }

  /** The entry the key holds (undefined: none yet). */
  entry(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  /** Applies the entry if it is newer than what the key holds; true when applied. */
  apply(entry: Entry): boolean {
    const current = this.entries.get(entry.key);
    if (current && !newer(entry, current)) return false;
    this.entries.set(entry.key, entry);
    if (newer(entry, this.position)) this.position = { epoch: entry.epoch, seq: entry.seq };
    return true;
  }

  /**
   * Replaces the contents with a leader's snapshot, keeping only local entries of the snapshot's
   * epoch that are newer (applied after the snapshot was taken): the follower's divergent
   * writes from an older leader are discarded, as a re-cloned replica's would be.
   */
  replaceWith(snapshot: readonly Entry[], snapshotEpoch: number): void {
    const keep = [...this.entries.values()].filter((entry) => entry.epoch >= snapshotEpoch);
    this.entries.clear();
    this.position = { epoch: 0, seq: 0 };
    for (const entry of snapshot) this.apply(entry);
    for (const entry of keep) this.apply(entry);
  }

  snapshot(): Entry[] {
    return [...this.entries.values()];
  }

  /** Key -> value, keys sorted (for the `converged` check). */
  contents(): [string, KvValue][] {
    return [...this.entries.keys()].sort().map((key) => [key, this.entries.get(key)!.value]);
  }
}
