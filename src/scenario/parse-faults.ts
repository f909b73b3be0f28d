// `faults:` -> scheduled faults (`{ at, for?, <action> }`, each with a human label) and random
// faults (`{ random: ... }`). Each action's keys belong to one fault kind (src/faults/registry.ts),
// which reads them; one kind per entry. Times: 0 <= at < duration, for > 0.

import type { FaultKind } from '../faults/fault-kind.js';
import { FAULT_KINDS } from '../faults/registry.js';
import { faultEntryAt, type ModelRoles, type YamlFaultEntryReader } from './fault-entry-reader.js';
import { parseRandomFault } from './parse-random-faults.js';
import type { RandomFaultSpec, ScheduledFaultSpec } from './types.js';
import { formatDuration } from './units.js';
import type { YamlConfigReader } from './yaml-config-reader.js';

const ACTION_LIST = FAULT_KINDS.flatMap((kind) => kind.keys).join(', ');

export interface ParsedFaults {
  readonly faults: ScheduledFaultSpec[];
  readonly randomFaults: RandomFaultSpec[];
}

export function parseFaults(root: YamlConfigReader, durationUs: number | null, roles: ModelRoles | null): ParsedFaults {
  const parsed: ParsedFaults = { faults: [], randomFaults: [] };
  for (const item of root.list('faults') ?? []) {
    const entry = faultEntryAt(root.context, item, roles, 'a fault such as { at: 10s, crash: server-1 }');
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

function kindsOf(entry: YamlConfigReader): FaultKind[] {
  return FAULT_KINDS.filter((kind) => kind.keys.some((key) => entry.has(key)));
}

function parseScheduledFault(entry: YamlFaultEntryReader, durationUs: number | null): ScheduledFaultSpec | null {
  const problemsBefore = entry.context.problems.count;
  const { atUs, forUs } = readFaultTimes(entry, durationUs);
  const kinds = kindsOf(entry);
  if (kinds.length !== 1) {
    reportKindCount(entry, kinds);
    return null;
  }
  const kind = kinds[0]!;
  for (const other of FAULT_KINDS) {
    for (const key of other === kind ? [] : other.modifiers) {
      if (!entry.has(key) || kind.modifiers.includes(key)) continue;
      entry.raw(key);
      entry.error(key, `\`${key}\` applies only to ${other.title}`);
    }
  }
  if (kind.notRevertible !== undefined && forUs !== null) {
    entry.error('for', `\`for\` does not apply to ${kind.name}`, kind.notRevertible);
  }
  const parsed = kind.parse(entry);
  if (parsed === null || entry.context.problems.count > problemsBefore) return null;
  return { atUs, forUs, action: parsed.action, label: parsed.label };
}

/** `at` and `for` of a scheduled fault (also run on key recorders by `ddsim schema`). */
export function readFaultTimes(entry: YamlConfigReader, durationUs: number | null): { atUs: number; forUs: number | null } {
  const atUs = readAt(entry, durationUs);
  const forUs = entry.durationOrNull('for', { description: 'how long the fault lasts; without it, to the end of the run' });
  if (forUs === 0) entry.error('for', 'must be greater than 0', 'leave `for` out for a fault that lasts to the end');
  return { atUs, forUs };
}

function readAt(entry: YamlConfigReader, durationUs: number | null): number {
  const atUs = entry.duration('at', { description: 'when the fault starts, from the start of the run' });
  if (durationUs !== null && entry.has('at') && atUs >= durationUs) {
    entry.error('at', `${formatDuration(atUs)} is not before the end of the run (duration ${formatDuration(durationUs)})`,
      'a fault must start before the scenario ends');
  }
  return atUs;
}

function reportKindCount(entry: YamlConfigReader, kinds: readonly FaultKind[]): void {
  // Mark every action key read, so that finish() reports only keys that are really unknown.
  for (const kind of FAULT_KINDS) {
    for (const key of [...kind.keys, ...kind.modifiers]) if (entry.has(key)) entry.raw(key);
  }
  if (kinds.length === 0) {
    entry.error(null, 'a fault needs an action', `one of ${ACTION_LIST}; or \`random: {...}\``);
  } else {
    const names = kinds.map((kind) => (kind.keys.length > 1 ? kind.keys.filter((key) => entry.has(key)).join('/') : kind.name));
    entry.error(null, `a fault entry has one action, this one has ${names.join(' and ')}`, 'split it into separate entries');
  }
}
