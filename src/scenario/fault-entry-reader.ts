// The reader of one `faults:` entry that fault kinds parse their keys with (FaultEntryReader):
// the YAML config reader plus node selections (names, globs, lists, or `{ role: leader }`,
// checked against the roles the system model declares), link expressions and lists of groups.

import { isMap, isSeq, type YAMLMap } from 'yaml';
import type { KeyDoc } from '../model/config-reader.js';
import type { FaultEntryReader, LinkSelection, NodeGroupItem, NodeSelection } from '../faults/fault-kind.js';
import { suggestionHint } from './did-you-mean.js';
import { matchNodes } from './node-patterns.js';
import type { ReaderContext } from './reader-context.js';
import { mapNodeAt, YamlConfigReader } from './yaml-config-reader.js';
import { linkAt, listAt, nodeNameAt, nodeNamesAt, plainValue, resolveNode, stringAt, type ValueAt } from './yaml-values.js';

/** The roles a scenario's faults may name: the system model's (null: it is not known, say after an error). */
export interface ModelRoles {
  readonly model: string;
  /** False when the model has no roles() at all. */
  readonly hasRoles: boolean;
  /** The names it declares (roleNames); null when it does not declare them (any name is accepted). */
  readonly names: readonly string[] | null;
}

export function faultEntryAt(context: ReaderContext, at: ValueAt, roles: ModelRoles | null, what: string): YamlFaultEntryReader | null {
  const node = mapNodeAt(context, at, what);
  return node === null ? null : new YamlFaultEntryReader(context, at.path, node, at.node, roles);
}

export class YamlFaultEntryReader extends YamlConfigReader implements FaultEntryReader {
  constructor(
    context: ReaderContext,
    path: string,
    map: YAMLMap,
    anchor: unknown,
    private readonly roles: ModelRoles | null,
  ) {
    super(context, path, map, anchor);
  }

  nodeSelection(key: string, options: KeyDoc & { readonly single?: boolean } = {}): NodeSelection | null {
    const at = this.value(key);
    return at === undefined ? null : this.selectionAt(at, options.single ?? false);
  }

  linkSelection(key: string, _options?: KeyDoc): LinkSelection | null {
    const at = this.value(key);
    return at === undefined ? null : linkAt(this.context, at);
  }

  nodeGroups(key: string, what: string): NodeGroupItem[] | null {
    const at = this.value(key);
    const items = at === undefined ? null : listAt(this.context, at, what);
    if (items === null) return null;
    const groups: NodeGroupItem[] = [];
    let failed = false;
    for (const item of items) {
      // A group is a list of names/globs; a single name, glob or role is a group too.
      const node = resolveNode(this.context, item.node);
      const isGroup = isSeq(node) || isMap(node) || typeof plainValue(this.context, item.node) === 'string';
      if (!isGroup) this.context.problems.report(item, 'expected a group of nodes such as [server-1, server-2]');
      const selection = isGroup ? this.selectionAt(item, false) : null;
      if (selection !== null && isSeq(node) && this.namesTwice(item, groups.length + 1)) failed = true;
      if (selection === null) failed = true;
      else groups.push({ selection, report: (message, hint) => this.context.problems.report(item, message, hint) });
    }
    return failed ? null : groups;
  }

  /** A group listing one node twice (`[a, a]`, `[a, "a*"]`) is most likely a typo: reported. */
  private namesTwice(group: ValueAt, groupNumber: number): boolean {
    const seen = new Set<string>();
    for (const entry of listAt(this.context, group) ?? []) {
      const pattern = stringAt(this.context, entry);
      if (pattern === null) continue;
      for (const name of matchNodes(pattern, this.context.topology.nodeNames)) {
        if (seen.has(name)) {
          this.context.problems.report(entry, `node ${JSON.stringify(name)} is twice in group ${groupNumber}`);
          return true;
        }
        seen.add(name);
      }
    }
    return false;
  }

  private selectionAt(at: ValueAt, single: boolean): NodeSelection | null {
    if (isMap(resolveNode(this.context, at.node))) return this.roleAt(at);
    if (single) {
      const name = nodeNameAt(this.context, at);
      return name === null ? null : { selector: [name], text: name };
    }
    const names = nodeNamesAt(this.context, at);
    if (names === null) return null;
    const written = plainValue(this.context, at.node);
    return { selector: names, text: typeof written === 'string' ? written : names.join(', ') };
  }

  /** `{ role: leader }`: a role of the system model, resolved when the fault fires. */
  private roleAt(at: ValueAt): NodeSelection | null {
    const map = new YamlConfigReader(this.context, at.path, resolveNode(this.context, at.node) as YAMLMap, at.node);
    const roleAt = map.required('role', 'e.g. { role: leader }');
    map.finish();
    const role = roleAt === undefined ? null : this.roleNameAt(roleAt);
    return role === null ? null : { selector: { role }, text: `role ${role}` };
  }

  /** A role name the system model declares; null after reporting a problem. */
  roleNameAt(at: ValueAt): string | null {
    const role = stringAt(this.context, at);
    if (role === null) return null;
    const roles = this.roles;
    if (roles !== null && !roles.hasRoles) {
      this.context.problems.report(at, `model ${roles.model} declares no roles`, 'name the nodes instead, e.g. crash: server-1');
      return null;
    }
    if (roles?.names && !roles.names.includes(role)) {
      this.context.problems.report(at, `model ${roles.model} has no role ${JSON.stringify(role)}`,
        suggestionHint(role, roles.names, 'roles') ?? `its roles: ${roles.names.join(', ')}`);
      return null;
    }
    return role;
  }
}
