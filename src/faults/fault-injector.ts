// Applies fault actions at their scheduled times through their fault kinds (registry.ts), records
// each in the fault log and publishes it on the observers' fault feed, and reverts them. A fault
// naming a role is resolved when it fires; a role nobody holds then makes it a skipped fault.

import { assert } from '../model/assert.js';
import type { FaultEvent } from '../model/api.js';
import type { EventCapture } from '../capture/event-capture.js';
import type { Kernel } from '../kernel/kernel.js';
import type { FaultLog } from '../sim/fault-log.js';
import type { FaultRecord } from '../result/run-result.js';
import type { AppliedFault, Revert } from './fault-kind.js';
import type { FaultAction, ScheduledFaultSpec } from './fault-spec.js';
import type { SimFaultWorld } from './fault-world.js';
import { faultKind } from './registry.js';
import { rolesIn } from './roles-in.js';

/** Where fault events go: built only while someone listens. */
export interface FaultFeed {
  readonly listening: boolean;
  publish(event: FaultEvent): void;
}

/** A fault in effect; end() undoes it (at most once) and records the end under `label`. */
export interface ActiveFault {
  /** As the fault log shows it: with the nodes its roles resolved to. */
  readonly label: string;
  /** The nodes it acted on. */
  readonly nodes: readonly string[];
  end(label: string): void;
}

interface InEffect {
  readonly applied: AppliedFault;
  /** Undoes the fault unless that happened already; true when it did now. */
  readonly undo: () => boolean;
}

export class FaultInjector {
  private readonly runKind: number;
  /** Faults still in effect, in the order they were applied (for revertAll). */
  private readonly inEffect = new Set<InEffect>();
  /** Set when the run captures its events (src/capture/). */
  capture: EventCapture | null = null;

  constructor(
    private readonly kernel: Kernel,
    private readonly world: SimFaultWorld,
    private readonly log: FaultLog,
    private readonly feed: FaultFeed,
  ) {
    this.runKind = kernel.registerHandler((action: () => void) => action(), 'fault');
  }

  /** Runs `action` at `atUs` (for random fault processes and scheduled faults alike). */
  at(atUs: number, action: () => void): void {
    this.kernel.scheduleAt(atUs, this.runKind, action);
  }

  schedule(fault: ScheduledFaultSpec): void {
    this.at(fault.atUs, () => {
      const active = this.inject(fault.action, fault.label);
      if (fault.forUs !== null && active) this.at(this.kernel.nowUs + fault.forUs, () => active.end(`end of ${active.label}`));
    });
  }

  /** Applies an action now and records it; null when it cannot be undone or was skipped. */
  inject(action: FaultAction, label: string): ActiveFault | null {
    const kind = faultKind(action.kind);
    assert(kind !== undefined, `no fault kind ${action.kind}`);
    const roles = rolesIn(action);
    const holders = this.world.resolveRoles(roles);
    const vacant = roles.filter((role) => holders.get(role)!.length === 0);
    if (vacant.length > 0) {
      this.world.forgetRoles();
      this.skip(action.kind, `${label}: skipped, no node holds role ${vacant.join(', ')}`);
      return null;
    }
    let applied: AppliedFault;
    try {
      applied = kind.apply(action, this.world);
    } finally {
      this.world.forgetRoles();
    }
    const names = applied.nodes.map((node) => this.world.nodeNames[node]!);
    const shownLabel = roles.length === 0 ? label : `${label} (${roles.map((role) => `${role}: ${this.namesOf(holders.get(role)!)}`).join('; ')})`;
    this.record({ atUs: this.kernel.nowUs, label: shownLabel, kind: action.kind, revert: false, ...(roles.length > 0 ? { nodes: names } : {}) }, applied.nodes);
    this.publish(action.kind, shownLabel, false, applied);
    const revert = applied.revert;
    if (revert === null) return null;
    return this.track(action.kind, shownLabel, names, applied, revert);
  }

  /**
   * The final phase's "heal everything": reverts every fault still in effect (restarts crashed
   * nodes, resumes paused ones, removes partitions, cuts, link changes and slowdowns), newest first.
   */
  revertAll(label: string): void {
    const faults = [...this.inEffect].reverse();
    if (faults.length === 0) return;
    for (const fault of faults) fault.undo();
    const nodes = new Set(faults.flatMap((fault) => fault.applied.nodes));
    this.record({ atUs: this.kernel.nowUs, label, kind: 'heal', revert: true }, [...nodes].sort((a, b) => a - b));
    if (!this.feed.listening) return;
    const links = new Map(faults.flatMap((fault) => fault.applied.links).map((pair) => [`${pair[0]} ${pair[1]}`, pair]));
    this.publish('heal', label, true, { nodes: [...nodes].sort((a, b) => a - b), links: [...links.values()], revert: null });
  }

  private track(kind: string, label: string, nodes: readonly string[], applied: AppliedFault, revert: Revert): ActiveFault {
    const fault: InEffect = {
      applied,
      undo: () => {
        if (!this.inEffect.delete(fault)) return false;
        revert();
        return true;
      },
    };
    this.inEffect.add(fault);
    return {
      label,
      nodes,
      end: (endLabel) => {
        // Undone at most once, whether the fault ends on schedule or revertAll came first; the
        // end is logged either way (the feed heard a final heal already).
        const undone = fault.undo();
        this.record({ atUs: this.kernel.nowUs, label: endLabel, kind, revert: true }, applied.nodes);
        if (undone) this.publish(kind, endLabel, true, applied);
      },
    };
  }

  private skip(kind: string, label: string): void {
    this.record({ atUs: this.kernel.nowUs, label, kind, revert: false, nodes: [], skipped: true }, []);
    this.publish(kind, label, false, { nodes: [], links: [], revert: null }, true);
  }

  /** Into the fault log, and the capture when there is one; `nodes` are those it acted on. */
  private record(record: FaultRecord, nodes: readonly number[]): void {
    this.log.add(record);
    this.capture?.fault({ label: record.label, faultKind: record.kind, revert: record.revert, skipped: record.skipped === true, nodes });
  }

  private publish(kind: string, label: string, revert: boolean, applied: AppliedFault, skipped = false): void {
    if (!this.feed.listening) return;
    const names = this.world.nodeNames;
    this.feed.publish({
      kind,
      label,
      atUs: this.kernel.nowUs,
      revert,
      skipped,
      nodes: applied.nodes.map((node) => names[node]!),
      links: applied.links.map(([from, to]) => ({ from: names[from!]!, to: names[to!]! })),
    });
  }

  private namesOf(nodes: readonly number[]): string {
    return nodes.map((node) => this.world.nodeNames[node]!).join(', ');
  }
}
