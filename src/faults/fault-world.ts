// The FaultWorld that fault kinds act through: verbs over the node table and the link table,
// and node selectors resolved now (roles from the system model's roles(), fixed for the duration
// of one apply so that every mention of a role in a fault means the same nodes).

import { assert } from '../model/assert.js';
import { ModelApiMisuse } from '../model/api-misuse.js';
import { matchLinkPairs } from '../network/link-pattern.js';
import type { LinkTable } from '../network/link-table.js';
import type { LinkParameters, LinkPattern } from '../network/topology-spec.js';
import type { ClockTable } from '../sim/clock-table.js';
import type { NodeTable } from '../sim/node-table.js';
import type { FaultWorld, Revert } from './fault-kind.js';
import { isRoleSelector, type CrashMode, type NodeSelector } from './fault-spec.js';

/** Who holds `role` now, by node name (the model's roles()); empty when nobody does. */
export type RoleHolders = (role: string) => readonly string[];

export class SimFaultWorld implements FaultWorld {
  readonly nodeNames: readonly string[];
  private readonly indexByName: ReadonlyMap<string, number>;
  /** Roles resolved for the fault being applied (see resolveRoles). */
  private resolved: ReadonlyMap<string, number[]> | null = null;

  constructor(
    private readonly nodeTable: NodeTable,
    private readonly linkTable: LinkTable,
    private readonly roleHolders: RoleHolders,
    private readonly clockTable: ClockTable,
  ) {
    this.nodeNames = nodeTable.names;
    this.indexByName = new Map(this.nodeNames.map((name, i) => [name, i]));
  }

  /** Resolves each role now; the fault applied next sees these nodes for them. */
  resolveRoles(roles: readonly string[]): ReadonlyMap<string, number[]> {
    const resolved = new Map(roles.map((role) => [role, this.holdersOf(role)]));
    this.resolved = resolved;
    return resolved;
  }

  /** Ends the apply that resolveRoles began. */
  forgetRoles(): void {
    this.resolved = null;
  }

  nodes(selector: NodeSelector): number[] {
    if (!isRoleSelector(selector)) return selector.map((name) => this.index(name));
    return this.resolved?.get(selector.role) ?? this.holdersOf(selector.role);
  }

  links(patterns: readonly LinkPattern[]): number[][] {
    return matchLinkPairs(patterns, this.nodeNames);
  }

  crash(node: number, mode: CrashMode): void {
    this.nodeTable.crash(node, mode);
  }

  restart(node: number): void {
    this.nodeTable.restart(node);
  }

  pause(node: number): void {
    this.nodeTable.pause(node);
  }

  resume(node: number): void {
    this.nodeTable.resume(node);
  }

  setSlowFactor(node: number, factor: number): void {
    assert(Number.isFinite(factor) && factor >= 1, `slow factor ${factor}`);
    this.nodeTable.slowFactor[node] = factor;
  }

  block(pairs: readonly (readonly number[])[]): Revert {
    const block = this.linkTable.blocks.block(pairs);
    return () => this.linkTable.blocks.unblock(block);
  }

  unblockAll(): (readonly number[])[] {
    return this.linkTable.blocks.unblockAll();
  }

  changeLinks(pairs: readonly (readonly number[])[], parameters: LinkParameters): Revert {
    const change = this.linkTable.changeLinks(pairs, parameters);
    return () => this.linkTable.restoreLinks(change);
  }

  stepClock(node: number, deltaUs: number): void {
    assert(Number.isFinite(deltaUs), `clock step ${deltaUs}`);
    this.clockTable.step(node, deltaUs);
  }

  overrideClockDrift(node: number, driftPpm: number): Revert {
    return this.clockTable.overrideDrift(node, driftPpm);
  }

  disableClockSync(node: number): Revert {
    return this.clockTable.disableSync(node);
  }

  private index(name: string): number {
    const index = this.indexByName.get(name);
    assert(index !== undefined, `fault names unknown node ${name}`);
    return index;
  }

  private holdersOf(role: string): number[] {
    const holders = this.roleHolders(role);
    if (!Array.isArray(holders)) throw new ModelApiMisuse('roles()', `role ${role} must map to a list of node names, got ${String(holders)}`);
    return holders.map((name) => {
      const index = this.indexByName.get(name);
      if (index === undefined) throw new ModelApiMisuse('roles()', `role ${role} names unknown node ${JSON.stringify(name)}`);
      return index;
    });
  }
}
