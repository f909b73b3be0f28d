// What a fault kind is: one file under kinds/ that reads its keys from a fault entry (with
// located errors, through the same reader interface the scenario loader uses everywhere), applies
// its action to the simulated world through a few verbs, and returns how to undo it. Adding a
// kind is that file plus one line in registry.ts; the loader, the injector, the fault log and the
// observers' fault feed need no change.

import type { ConfigReader, KeyDoc } from '../model/config-reader.js';
import type { LinkParameters, LinkPattern } from '../network/topology-spec.js';
import type { CrashMode, FaultAction, NodeSelector } from './fault-spec.js';

/** Nodes as a fault entry names them, and the selection as written (`server-*`, `role leader`). */
export interface NodeSelection {
  readonly selector: NodeSelector;
  readonly text: string;
}

/** Links as a fault entry names them (`a -> b`, `a <-> *`). */
export interface LinkSelection {
  readonly patterns: readonly LinkPattern[];
  readonly text: string;
}

/** One item of a list of node groups, able to report a problem at its own location. */
export interface NodeGroupItem {
  readonly selection: NodeSelection;
  report(message: string, hint?: string): void;
}

/** The reader of one fault entry: a ConfigReader plus the shapes faults name nodes and links in. */
export interface FaultEntryReader extends ConfigReader {
  /**
   * A node name, glob or list of them, or `{ role: leader }`; with `single`, one node name or a
   * role. Null after reporting a problem.
   */
  nodeSelection(key: string, options?: KeyDoc & { readonly single?: boolean }): NodeSelection | null;
  /** A link expression whose sides match nodes; null after reporting a problem. */
  linkSelection(key: string, options?: KeyDoc): LinkSelection | null;
  /** A list of node selections (e.g. partition groups); null after reporting a problem. */
  nodeGroups(key: string, what: string): NodeGroupItem[] | null;
}

export type Revert = () => void;

/** What applying a fault did: how to undo it (null: it cannot be undone) and what it touched. */
export interface AppliedFault {
  readonly revert: Revert | null;
  /** Indices of the nodes it acted on. */
  readonly nodes: readonly number[];
  /** Directed links (`[from, to]` indices) it changed. */
  readonly links: readonly (readonly number[])[];
}

/** The verbs a fault kind may use on the simulated world. */
export interface FaultWorld {
  readonly nodeNames: readonly string[];
  /** The selected nodes' indices now: a role resolves to the nodes that hold it at this moment. */
  nodes(selector: NodeSelector): number[];
  /** Every directed link the patterns match, as `[from, to]` indices. */
  links(patterns: readonly LinkPattern[]): number[][];
  crash(node: number, mode: CrashMode): void;
  restart(node: number): void;
  pause(node: number): void;
  resume(node: number): void;
  setSlowFactor(node: number, factor: number): void;
  /** Blocks the links (a partition or cut) until the returned function is called. */
  block(pairs: readonly (readonly number[])[]): Revert;
  /** Removes every partition and cut; returns the links that were blocked. */
  unblockAll(): (readonly number[])[];
  /** Changes the links' parameters until the returned function is called. */
  changeLinks(pairs: readonly (readonly number[])[], parameters: LinkParameters): Revert;
  /** Steps the node's time-of-day clock by `deltaUs` (negative: backwards); its monotonic clock is unaffected. */
  stepClock(node: number, deltaUs: number): void;
  /** Runs the node's oscillator (both its clocks and its timers) at `driftPpm` until the returned function is called. */
  overrideClockDrift(node: number, driftPpm: number): Revert;
  /** Stops the node's clock synchronization until the returned function is called. */
  disableClockSync(node: number): Revert;
}

export interface ParsedFault<Action extends FaultAction> {
  readonly action: Action;
  /** The fault as a person reads it in the fault log: `crash server-1 (silent)`. */
  readonly label: string;
}

export interface FaultKind<Action extends FaultAction = FaultAction> {
  /** The action's `kind`, e.g. `crash`. */
  readonly name: string;
  /** The keys of a fault entry that select this kind: `crash`; or `loss`, `delay`, `duplicate`. */
  readonly keys: readonly string[];
  /** Further keys only this kind reads, e.g. `mode`. */
  readonly modifiers: readonly string[];
  /** The kind as messages about its modifiers name it: `crash`, `loss, delay and duplicate`. */
  readonly title: string;
  /** For kinds that cannot be reverted (restart, heal): why `for:` does not apply. */
  readonly notRevertible?: string;
  /** Reads the kind's keys; null after reporting a problem through the reader. */
  parse(entry: FaultEntryReader): ParsedFault<Action> | null;
  /** Applies the action now. */
  apply(action: Action, world: FaultWorld): AppliedFault;
}
