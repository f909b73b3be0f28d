// Which acknowledged writes the leader-follower model discarded, from the truth its observer
// sees. A leader accepts a write on top of the entry it holds for the key (the write's parent):
// the write's lineage is itself and its parent's lineage. A replica that applies an entry takes on
// that entry's lineage and drops whatever its previous entry had that the new one lacks. At the end
// the surviving replica is the acting leader of the highest epoch (or, with none acting, the most
// up-to-date replica, whom the next election would pick): an acknowledged write is discarded when
// it is not in the lineage of the survivor's entry for its key. So a write the old leader held and
// its successor never got is discarded even when later writes overwrote the key (and counted
// however the final reads look), while a write overwritten by a later write of its own leader is
// not: the survivor has it, in effect, even if the entry itself never reached it (the store keeps
// only the newest entry of a key, so an entry overtaken in the replication stream is never applied
// anyway). Reasons name the election that left the write behind. Measurement only.

import type { DiscardedWrite } from '../../model/replication-facts.js';
import type { Entry } from './messages.js';

/** Writes tracked at most (as many as the history keeps); beyond, discards are unknown. */
const TRACKED_WRITE_COUNT_MAX = 2_000_000;
/** Leadership starts remembered, with what the new leader held then. */
const ELECTION_COUNT_MAX = 10_000;

interface Acknowledgement {
  readonly entry: Entry;
  readonly leader: string;
  readonly atUs: number;
}

/** A replica took the lead in an epoch; `held` is its entry per key at that moment. */
export interface Election {
  readonly node: string;
  readonly epoch: number;
  readonly atUs: number;
  readonly held: ReadonlyMap<string, Entry>;
}

/** The replica whose state survives, and its entry per key. */
export interface Survivor {
  readonly node: string;
  entry(key: string): Entry | undefined;
}

export class WriteLineage {
  private readonly parents = new Map<Entry, Entry | null>();
  private readonly acknowledgements: Acknowledgement[] = [];
  private readonly elections: Election[] = [];
  /** What each election's leader held of a key, with ancestors (computed when a reason needs it). */
  private readonly heldLineages = new Map<Election, Map<string, Set<Entry>>>();
  private overflowed = false;

  /** A leader accepted `entry` on top of `parent` (its entry for the key then, if any). */
  accepted(entry: Entry, parent: Entry | null): void {
    if (this.parents.size >= TRACKED_WRITE_COUNT_MAX) this.overflowed = true;
    else this.parents.set(entry, parent);
  }

  /** `leader` told a client that `entry` was written. */
  acknowledged(entry: Entry, leader: string, atUs: number): void {
    if (this.parents.has(entry)) this.acknowledgements.push({ entry, leader, atUs });
  }

  elected(election: Election): void {
    if (this.elections.length < ELECTION_COUNT_MAX) this.elections.push(election);
  }

  /** The acknowledged writes not in the survivor's lineage (null: too many writes tracked to know). */
  discarded(survivor: Survivor): DiscardedWrite[] | null {
    if (this.overflowed) return null;
    const surviving = new Map<string, Set<Entry>>();
    const lineageOf = (key: string): Set<Entry> => {
      let set = surviving.get(key);
      if (set === undefined) surviving.set(key, (set = this.lineage(survivor.entry(key))));
      return set;
    };
    return this.acknowledgements
      .filter(({ entry }) => !lineageOf(entry.key).has(entry))
      .map((ack) => ({ key: ack.entry.key, value: ack.entry.value, ...this.explain(ack, survivor.node) }));
  }

  /** The entry and its ancestors (each entry's parent was accepted before it: the walk ends). */
  private lineage(entry: Entry | undefined): Set<Entry> {
    const set = new Set<Entry>();
    for (let at: Entry | null | undefined = entry; at && !set.has(at); at = this.parents.get(at)) set.add(at);
    return set;
  }

  private heldLineage(election: Election, key: string): Set<Entry> {
    const byKey = this.heldLineages.get(election) ?? new Map<string, Set<Entry>>();
    this.heldLineages.set(election, byKey);
    let set = byKey.get(key);
    if (set === undefined) byKey.set(key, (set = this.lineage(election.held.get(key))));
    return set;
  }

  /** The first later leadership that did not hold the write: truncation, or a split brain. */
  private explain(ack: Acknowledgement, survivorNode: string): { cause: string; reason: string } {
    const { entry, leader, atUs } = ack;
    const election = this.elections.find((e) => e.epoch > entry.epoch && !this.heldLineage(e, entry.key).has(entry));
    const acknowledged = `acknowledged by ${leader} in epoch ${entry.epoch} at ${formatTime(atUs)}`;
    if (election === undefined) {
      return { cause: 'overwritten', reason: `${acknowledged}; not in the surviving state of ${entry.key} on ${survivorNode}` };
    }
    const became = `${election.node} became leader in epoch ${election.epoch} at ${formatTime(election.atUs)}`;
    if (atUs <= election.atUs) {
      return { cause: 'truncated', reason: `truncated from ${leader}'s log when ${became}, never having had it (${acknowledged})` };
    }
    return { cause: 'split-brain', reason: `split brain: ${acknowledged}, after ${became}; ${survivorNode}'s state survived` };
  }
}

/** A moment of the run, as seconds with milliseconds: `11.204s`. */
function formatTime(us: number): string {
  return `${(us / 1_000_000).toFixed(3)}s`;
}
