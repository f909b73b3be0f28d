// `explore:` -> what `ddsim explore` may inject into the scenario's runs. `ddsim run` ignores the
// section. Names of fault kinds are checked against the fault registry, node names and globs
// against the topology, roles against the system model; every key is optional (the explorer's
// defaults apply) and the command's flags override it (as `--set explore.<key>=...`).
//
//   explore:
//     faults: [crash, pause, partition, cut, loss, delay, clock]   # registered kinds (or their keys)
//     nodes: "db-*"                # names, globs, a list of them, or { role: leader } (default: all)
//     faults-per-run: 1..8         # a whole number or a range
//     for: 100ms..10s              # how long faults that revert last
//     at: 2s..20s                  # when faults may start (default: the whole run)
//     runs: 1000

import { isMap, isSeq } from 'yaml';
import { FAULT_KINDS } from '../faults/registry.js';
import { isRoleSelector } from '../faults/fault-spec.js';
import { suggestionHint } from './did-you-mean.js';
import { faultEntryAt, type ModelRoles, type YamlFaultEntryReader } from './fault-entry-reader.js';
import type { ExploreSectionSpec } from './types.js';
import { formatDuration } from './units.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { durationRangeAt, listAt, plainValue, resolveNode, stringAt, type ValueAt } from './yaml-values.js';

/** Every name `explore.faults` accepts: each kind's name and, for kinds with several keys, each key. */
export const EXPLORE_FAULT_NAMES: readonly string[] = [...new Set(FAULT_KINDS.flatMap((kind) => [kind.name, ...kind.keys]))];

/** Faults that act between two nodes. */
const LINK_FAULTS = ['partition', 'cut'];

export const EXPLORE_RUNS_MAX = 1_000_000;
export const FAULTS_PER_RUN_MAX = 1000;

export function parseExplore(root: YamlConfigReader, durationUs: number | null, roles: ModelRoles | null): ExploreSectionSpec | null {
  const at = root.value('explore');
  if (at === undefined) return null;
  const section = faultEntryAt(root.context, at, roles, 'a map of explore settings (faults, nodes, faults-per-run, for, runs)');
  if (section === null) return null;
  const spec: ExploreSectionSpec = {
    faults: readFaultNames(section),
    nodes: readNodes(section),
    faultsPerRun: readCountRange(section, 'faults-per-run'),
    forRange: readForRange(section),
    atRange: readAtRange(section, durationUs),
    runs: section.has('runs') ? section.number('runs', { integer: true, min: 1, max: EXPLORE_RUNS_MAX }) : null,
  };
  section.finish();
  return spec;
}

function readFaultNames(section: YamlFaultEntryReader): string[] | null {
  const items = section.list('faults');
  if (items === null) return null;
  if (items.length === 0) {
    section.error('faults', 'the list of fault kinds is empty', `name at least one of ${EXPLORE_FAULT_NAMES.join(', ')}`);
    return null;
  }
  const names: string[] = [];
  for (const item of items) {
    const name = stringAt(section.context, item);
    if (name === null) continue;
    if (!EXPLORE_FAULT_NAMES.includes(name)) {
      section.context.problems.report(item, `unknown fault kind ${JSON.stringify(name)}`,
        suggestionHint(name, EXPLORE_FAULT_NAMES, 'fault kinds'));
      continue;
    }
    if (names.includes(name)) section.context.problems.report(item, `fault kind ${JSON.stringify(name)} is listed twice`);
    else if (LINK_FAULTS.includes(name) && section.context.topology.complete && section.context.topology.nodeNames.length < 2) {
      section.context.problems.report(item, `${name} needs at least two nodes; the scenario has one`);
    } else names.push(name);
  }
  return names;
}

/** A name, glob, list, or `{ role: leader }`; a list may mix names, globs and roles. */
function readNodes(section: YamlFaultEntryReader): ExploreSectionSpec['nodes'] {
  const at = section.value('nodes');
  if (at === undefined) return null;
  const node = resolveNode(section.context, at.node);
  const selections = isSeq(node)
    ? section.nodeGroups('nodes', 'a list of node names, globs or roles')?.map((item) => item.selection) ?? null
    : [section.nodeSelection('nodes')].filter((selection) => selection !== null);
  if (selections === null || selections.length === 0) {
    if (isSeq(node) && (listAt(section.context, at) ?? []).length === 0) section.error('nodes', 'the list of nodes is empty', 'leave `nodes` out to let faults hit every node');
    return null;
  }
  const names: string[] = [];
  const roles: string[] = [];
  for (const { selector } of selections) {
    if (isRoleSelector(selector)) {
      if (!roles.includes(selector.role)) roles.push(selector.role);
    } else {
      for (const name of selector) if (!names.includes(name)) names.push(name);
    }
  }
  // Keep the topology's order, whatever order the list was written in.
  const order = section.context.topology.nodeNames;
  names.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { names, roles };
}

/** `1..8` or a whole number. */
function readCountRange(section: YamlFaultEntryReader, key: string): { min: number; max: number } | null {
  const at = section.value(key);
  if (at === undefined) return null;
  const value = plainValue(section.context, at.node);
  const report = (message: string): null => {
    section.context.problems.report(at, message, `e.g. ${key}: 1..8 (each run injects from 1 to 8 faults), or ${key}: 3`);
    return null;
  };
  let min: number;
  let max: number;
  if (typeof value === 'number' && Number.isInteger(value)) {
    min = max = value;
  } else if (typeof value === 'string' && /^\s*\d+\s*\.\.\s*\d+\s*$/.test(value)) {
    [min, max] = value.split('..').map((part) => Number(part.trim())) as [number, number];
  } else {
    return report(`expected a whole number or a range such as 1..8, got ${isMap(resolveNode(section.context, at.node)) ? 'a map' : JSON.stringify(value)}`);
  }
  if (min > max) return report(`the range ends before it starts: ${min}..${max}`);
  if (max > FAULTS_PER_RUN_MAX) return report(`at most ${FAULTS_PER_RUN_MAX} faults per run, got ${max}`);
  if (max === 0) return report('a run needs room for at least one fault');
  return { min, max };
}

function readForRange(section: YamlFaultEntryReader): { minUs: number; maxUs: number } | null {
  const range = readDurationRange(section, 'for', 'e.g. for: 100ms..10s');
  if (range !== null && range.minUs === 0) {
    section.error('for', 'a fault that reverts must last longer than 0', 'e.g. for: 100ms..10s');
    return null;
  }
  return range;
}

function readAtRange(section: YamlFaultEntryReader, durationUs: number | null): { minUs: number; maxUs: number } | null {
  const range = readDurationRange(section, 'at', 'e.g. at: 2s..20s');
  if (range !== null && durationUs !== null && range.minUs >= durationUs) {
    section.error('at', `${formatDuration(range.minUs)} is not before the end of the run (duration ${formatDuration(durationUs)})`,
      'faults must start before the scenario ends');
    return null;
  }
  return range;
}

function readDurationRange(section: YamlFaultEntryReader, key: string, example: string): { minUs: number; maxUs: number } | null {
  const at: ValueAt | undefined = section.value(key);
  if (at === undefined) return null;
  const problemsBefore = section.context.problems.count;
  const range = durationRangeAt(section.context, at);
  if (range === null && section.context.problems.count === problemsBefore) section.error(key, 'expected a range of durations', example);
  return range;
}
