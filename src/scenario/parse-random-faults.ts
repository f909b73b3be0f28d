// `faults: - random: { crash: {...} }` and `- random: { partition: {...} }`: faults the simulator
// draws from the `faults` stream. Crashes come every ~mtbf per node (exponential up times), or
// after an up time drawn uniformly from `every: A..B` (or, with `role: leader`, to whoever holds
// the role) and last ~mttr; partitions of a given shape start every `every` (a
// range) and last `for` (a range); pauses come after `every` (a range) of running time per node
// (or to whoever holds a role) and last `for` (a distribution).

import { CRASH_MODES } from '../faults/kinds/crash.js';
import type { YamlFaultEntryReader } from './fault-entry-reader.js';
import type { CrashMode, DistributionSpec, PartitionShape, RandomFaultSpec } from './types.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { durationRangeAt, plainValue } from './yaml-values.js';

export const RANDOM_FAULT_KINDS = ['crash', 'pause', 'partition'] as const;
export const PARTITION_SHAPES: readonly PartitionShape[] = ['isolate-one', 'halves', 'majority-minority'];

/** Reads the `random:` map of a fault entry; null when it is invalid (reported). */
export function parseRandomFault(entry: YamlFaultEntryReader): RandomFaultSpec | null {
  const random = entry.mapAt(entry.value('random')!, 'a map such as { crash: { nodes: "server-*", mtbf: 30s, mttr: 5s } }');
  if (random === null) return null;
  const kinds = RANDOM_FAULT_KINDS.filter((kind) => random.has(kind));
  if (kinds.length !== 1) {
    const found = kinds.length === 0 ? 'none' : kinds.join(' and ');
    random.error(null, `a random fault is exactly one of ${RANDOM_FAULT_KINDS.join(', ')}; found ${found}`,
      kinds.length > 1 ? 'split it into separate entries' : undefined);
    if (kinds.length === 0) random.finish();
    return null;
  }
  const problemsBefore = entry.context.problems.count;
  const spec =
    kinds[0] === 'crash' ? parseRandomCrash(random, entry) : kinds[0] === 'pause' ? parseRandomPause(random, entry) : parseRandomPartition(random);
  random.finish();
  return entry.context.problems.count > problemsBefore ? null : spec;
}

function parseRandomCrash(random: YamlConfigReader, entry: YamlFaultEntryReader): RandomFaultSpec | null {
  const crash = random.section('crash');
  if (crash === null) return null;
  const role = readRole(crash, entry);
  const nodes = role === null ? crash.nodeNames('nodes', { default: crash.context.topology.nodeNames }) : [];
  const upTime = readUpTime(crash);
  const spec: RandomFaultSpec = {
    kind: 'random-crash',
    nodes,
    role,
    mtbfUs: upTime.mtbfUs,
    ...(upTime.everyUs === null ? {} : { everyUs: upTime.everyUs }),
    mttrUs: crash.duration('mttr', { min: 1 }),
    mode: crash.string('mode', { default: 'refuse', oneOf: CRASH_MODES }) as CrashMode,
  };
  crash.finish();
  return spec;
}

/**
 * The up time of a random crash process: `mtbf` (exponential, the mean) or `every: A..B`
 * (uniform), exactly one of them. With `every`, mtbfUs is the range's mean.
 */
function readUpTime(crash: YamlConfigReader): { mtbfUs: number; everyUs: { minUs: number; maxUs: number } | null } {
  const hasMtbf = crash.has('mtbf');
  const hasEvery = crash.has('every');
  if (hasMtbf && hasEvery) {
    crash.raw('every');
    crash.error('every', 'give either `mtbf` (exponential up times) or `every` (up times drawn uniformly), not both', 'remove one of them');
    return { mtbfUs: crash.duration('mtbf', { min: 1 }), everyUs: null };
  }
  if (!hasMtbf && !hasEvery) {
    crash.error(null, 'a random crash needs `mtbf` (the mean up time, exponential) or `every` (an up time drawn uniformly)', 'e.g. mtbf: 30s, or every: 2s..4s');
    return { mtbfUs: 1, everyUs: null };
  }
  if (hasMtbf) return { mtbfUs: crash.duration('mtbf', { min: 1 }), everyUs: null };
  const every = readRange(crash, 'every', 'the up time before each crash, e.g. 2s..4s');
  if (every === null) return { mtbfUs: 1, everyUs: null };
  return { mtbfUs: (every.minUs + every.maxUs) / 2, everyUs: every };
}

/** `{ nodes: "client-*", every: 5s..20s, for: { dist: lognormal, median: 50ms, p99: 2s } }` (or `role:`). */
function parseRandomPause(random: YamlConfigReader, entry: YamlFaultEntryReader): RandomFaultSpec | null {
  const pause = random.section('pause');
  if (pause === null) return null;
  const role = readRole(pause, entry);
  const every = readRange(pause, 'every', 'the running time between pauses, e.g. 5s..20s');
  const length = readPauseLength(pause);
  const nodes = role === null ? pause.nodeNames('nodes', { default: pause.context.topology.nodeNames }) : [];
  pause.finish();
  if (every === null || length === null) return null;
  return { kind: 'random-pause', nodes, role, everyMinUs: every.minUs, everyMaxUs: every.maxUs, length };
}

/** `for:` of a random pause: a distribution, a duration, or a range (uniform). */
function readPauseLength(pause: YamlConfigReader): DistributionSpec | null {
  const at = pause.required('for', 'how long each pause lasts, e.g. { dist: lognormal, median: 50ms, p99: 2s }');
  if (at === undefined) return null;
  const text = plainValue(pause.context, at.node);
  if (typeof text === 'string' && text.includes('..')) {
    const range = durationRangeAt(pause.context, at);
    return range === null ? null : { kind: 'uniform', minUs: range.minUs, maxUs: range.maxUs };
  }
  const problemsBefore = pause.context.problems.count;
  const length = pause.distributionAt(at);
  return pause.context.problems.count > problemsBefore ? null : length;
}

function parseRandomPartition(random: YamlConfigReader): RandomFaultSpec | null {
  const partition = random.section('partition');
  if (partition === null) return null;
  const every = readRange(partition, 'every', 'e.g. 10s..20s');
  const lasting = readRange(partition, 'for', 'e.g. 1s..3s');
  const shape = partition.string('shape', { oneOf: PARTITION_SHAPES }) as PartitionShape;
  const nodes = partition.nodeNames('nodes', { default: partition.context.topology.nodeNames });
  if (partition.context.topology.complete && nodes.length < 2) {
    partition.error('nodes', `a partition needs at least two nodes, got ${nodes.length}`);
  }
  partition.finish();
  if (every === null || lasting === null) return null;
  return {
    kind: 'random-partition',
    nodes,
    everyMinUs: every.minUs,
    everyMaxUs: every.maxUs,
    forMinUs: lasting.minUs,
    forMaxUs: lasting.maxUs,
    shape,
  };
}

/** `role: leader` instead of `nodes:`: one process that acts on whoever holds the role. */
function readRole(section: YamlConfigReader, entry: YamlFaultEntryReader): string | null {
  if (!section.has('role')) return null;
  if (section.has('nodes')) {
    section.raw('nodes');
    section.error('role', 'give either `nodes` or `role`, not both');
  }
  return entry.roleNameAt(section.value('role')!);
}

function readRange(reader: YamlConfigReader, key: string, example: string): { minUs: number; maxUs: number } | null {
  const at = reader.required(key, example);
  if (at === undefined) return null;
  const range = durationRangeAt(reader.context, at);
  if (range !== null && range.minUs === 0) {
    reader.error(key, 'must be greater than 0');
    return null;
  }
  return range;
}
