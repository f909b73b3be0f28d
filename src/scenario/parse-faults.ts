// `faults:` -> scheduled faults (`{ at, for?, <action> }`, each with a human label) and random
// faults (`{ random: ... }`). One action per entry, except that the link changes (loss, delay,
// duplicate) combine. Times: 0 <= at < duration, for > 0.

import { isSeq } from 'yaml';
import { describeDistribution, describeGroups } from './describe-spec.js';
import { CRASH_MODES, parseRandomFault } from './parse-random-faults.js';
import type { CrashMode, FaultAction, LinkPattern, RandomFaultSpec, ScheduledFaultSpec } from './types.js';
import { formatDuration } from './units.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { linkAt, listAt, nodeNamesAt, plainValue, resolveNode, type ValueAt } from './yaml-values.js';

const NODE_ACTIONS = ['crash', 'restart', 'pause', 'slow'] as const;
const OTHER_ACTIONS = ['partition', 'cut', 'heal'] as const;
const LINK_CHANGE_KEYS = ['loss', 'delay', 'duplicate'] as const;
type ActionName = (typeof NODE_ACTIONS)[number] | (typeof OTHER_ACTIONS)[number] | 'link';

/** Keys that only make sense with one action. */
const MODIFIERS: readonly { readonly key: string; readonly action: ActionName; readonly name: string }[] = [
  { key: 'mode', action: 'crash', name: 'crash' },
  { key: 'factor', action: 'slow', name: 'slow' },
  { key: 'link', action: 'link', name: 'loss, delay and duplicate' },
  { key: 'node', action: 'link', name: 'loss, delay and duplicate' },
];

const ACTION_LIST = [...NODE_ACTIONS, ...OTHER_ACTIONS, ...LINK_CHANGE_KEYS].join(', ');

export interface ParsedFaults {
  readonly faults: ScheduledFaultSpec[];
  readonly randomFaults: RandomFaultSpec[];
}

export function parseFaults(root: YamlConfigReader, durationUs: number | null): ParsedFaults {
  const parsed: ParsedFaults = { faults: [], randomFaults: [] };
  for (const item of root.list('faults') ?? []) {
    const entry = root.mapAt(item, 'a fault such as { at: 10s, crash: server-1 }');
    if (entry === null) continue;
    if (entry.has('random')) {
      const random = parseRandomFault(entry);
      if (random !== null) parsed.randomFaults.push(random);
    } else {
      const fault = parseScheduledFault(entry, durationUs);
      if (fault !== null) parsed.faults.push(fault);
    }
    entry.finish();
  }
  return parsed;
}

function actionsOf(entry: YamlConfigReader): ActionName[] {
  const actions: ActionName[] = [...NODE_ACTIONS, ...OTHER_ACTIONS].filter((action) => entry.has(action));
  if (LINK_CHANGE_KEYS.some((key) => entry.has(key))) actions.push('link');
  return actions;
}

function parseScheduledFault(entry: YamlConfigReader, durationUs: number | null): ScheduledFaultSpec | null {
  const problemsBefore = entry.context.problems.count;
  const atUs = readAt(entry, durationUs);
  const forUs = entry.durationOrNull('for');
  if (forUs === 0) entry.error('for', 'must be greater than 0', 'leave `for` out for a fault that lasts to the end');
  const actions = actionsOf(entry);
  if (actions.length !== 1) {
    reportActionCount(entry, actions);
    return null;
  }
  const action = actions[0];
  for (const modifier of MODIFIERS) {
    if (modifier.action !== action && entry.has(modifier.key)) {
      entry.value(modifier.key);
      entry.error(modifier.key, `\`${modifier.key}\` applies only to ${modifier.name}`);
    }
  }
  if ((action === 'restart' || action === 'heal') && forUs !== null) {
    entry.error('for', `\`for\` does not apply to ${action}`, action === 'restart' ? 'a restart is instantaneous' : 'heal removes partitions for good');
  }
  const parsed = parseAction(entry, action);
  if (parsed === null || entry.context.problems.count > problemsBefore) return null;
  return { atUs, forUs, action: parsed.action, label: parsed.label };
}

function readAt(entry: YamlConfigReader, durationUs: number | null): number {
  const atUs = entry.duration('at');
  if (durationUs !== null && entry.has('at') && atUs >= durationUs) {
    entry.error('at', `${formatDuration(atUs)} is not before the end of the run (duration ${formatDuration(durationUs)})`,
      'a fault must start before the scenario ends');
  }
  return atUs;
}

function reportActionCount(entry: YamlConfigReader, actions: readonly ActionName[]): void {
  // Mark every action key read, so that finish() reports only keys that are really unknown.
  for (const key of [...NODE_ACTIONS, ...OTHER_ACTIONS, ...LINK_CHANGE_KEYS, ...MODIFIERS.map((m) => m.key)]) {
    if (entry.has(key)) entry.value(key);
  }
  if (actions.length === 0) {
    entry.error(null, 'a fault needs an action', `one of ${ACTION_LIST}; or \`random: {...}\``);
  } else {
    const names = actions.map((action) => (action === 'link' ? LINK_CHANGE_KEYS.filter((key) => entry.has(key)).join('/') : action));
    entry.error(null, `a fault entry has one action, this one has ${names.join(' and ')}`, 'split it into separate entries');
  }
}

interface ParsedAction {
  readonly action: FaultAction;
  readonly label: string;
}

function parseAction(entry: YamlConfigReader, action: ActionName): ParsedAction | null {
  switch (action) {
    case 'crash': {
      const selection = readNodes(entry, 'crash');
      const mode = entry.string('mode', { default: 'refuse', oneOf: CRASH_MODES }) as CrashMode;
      if (selection === null) return null;
      const label = `crash ${selection.text}${mode === 'silent' ? ' (silent)' : ''}`;
      return { action: { kind: 'crash', nodes: selection.nodes, mode }, label };
    }
    case 'restart':
    case 'pause': {
      const selection = readNodes(entry, action);
      return selection === null ? null : { action: { kind: action, nodes: selection.nodes }, label: `${action} ${selection.text}` };
    }
    case 'slow': {
      const selection = readNodes(entry, 'slow');
      const factor = entry.number('factor');
      if (entry.has('factor') && factor <= 1) entry.error('factor', `must be greater than 1, got ${factor}`);
      if (selection === null) return null;
      return { action: { kind: 'slow', nodes: selection.nodes, factor }, label: `slow ${selection.text} x${factor}` };
    }
    case 'partition':
      return parsePartition(entry);
    case 'cut': {
      const link = linkAt(entry.context, entry.value('cut')!);
      return link === null ? null : { action: { kind: 'cut', links: link.patterns }, label: `cut ${link.text}` };
    }
    case 'heal': {
      if (entry.boolean('heal') !== true) entry.error('heal', 'write `heal: true`');
      return { action: { kind: 'heal' }, label: 'heal' };
    }
    case 'link':
      return parseLinkChange(entry);
  }
}

/** The nodes under `key` and the selection as written (`server-*`, `server-1, server-2`). */
function readNodes(entry: YamlConfigReader, key: string): { nodes: string[]; text: string } | null {
  const at = entry.value(key)!;
  const nodes = nodeNamesAt(entry.context, at);
  if (nodes === null) return null;
  const written = plainValue(entry.context, at.node);
  const text = typeof written === 'string' ? written : nodes.join(', ');
  return { nodes, text };
}

function parsePartition(entry: YamlConfigReader): ParsedAction | null {
  const { context } = entry;
  const items = listAt(context, entry.value('partition')!, 'a list of groups such as [[client, server-1], [server-2]]');
  if (items === null) return null;
  if (items.length < 2) {
    entry.error('partition', 'a partition needs at least two groups', 'nodes in no group stay connected to all; e.g. [[server-1], [client, server-2]]');
    return null;
  }
  const groups: string[][] = [];
  const groupOf = new Map<string, number>();
  let failed = false;
  items.forEach((item: ValueAt, index) => {
    // A group is a list of names/globs; a single name or glob is a group too.
    const isGroup = isSeq(resolveNode(context, item.node)) || typeof plainValue(context, item.node) === 'string';
    if (!isGroup) context.problems.report(item, 'expected a group of nodes such as [server-1, server-2]');
    const group = isGroup ? nodeNamesAt(context, item) : null;
    if (group === null) {
      failed = true;
      return;
    }
    for (const name of group) {
      const other = groupOf.get(name);
      if (other !== undefined) {
        context.problems.report(item, `node ${JSON.stringify(name)} is in two groups (${other + 1} and ${index + 1})`);
        failed = true;
      }
      groupOf.set(name, index);
    }
    groups.push(group);
  });
  if (failed) return null;
  return { action: { kind: 'partition', groups }, label: `partition ${describeGroups(groups)}` };
}

function parseLinkChange(entry: YamlConfigReader): ParsedAction | null {
  const lossProbability = entry.has('loss') ? entry.probability('loss') : null;
  const delay = entry.has('delay') ? entry.distribution('delay') : null;
  const duplicateProbability = entry.has('duplicate') ? entry.probability('duplicate') : null;
  const target = readLinkTarget(entry);
  if (target === null) return null;
  const changes = [
    lossProbability === null ? null : `loss ${lossProbability}`,
    delay === null ? null : `delay ${describeDistribution(delay)}`,
    duplicateProbability === null ? null : `duplicate ${duplicateProbability}`,
  ].filter((change) => change !== null);
  return {
    action: { kind: 'link', links: target.patterns, lossProbability, delay, duplicateProbability },
    label: `${changes.join(', ')} on ${target.text}`,
  };
}

function readLinkTarget(entry: YamlConfigReader): { patterns: readonly LinkPattern[]; text: string } | null {
  if (entry.has('link') && entry.has('node')) {
    entry.value('node');
    entry.error('node', 'give either `link` or `node`, not both');
    return null;
  }
  if (entry.has('link')) return linkAt(entry.context, entry.value('link')!);
  if (entry.has('node')) {
    const node = entry.nodeName('node');
    if (node === '') return null;
    return { patterns: [{ from: node, to: '*' }, { from: '*', to: node }], text: `every link of ${node}` };
  }
  return { patterns: [{ from: '*', to: '*' }], text: 'all links' };
}
