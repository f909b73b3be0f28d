// `faults: - random: { crash: {...} }` and `- random: { partition: {...} }`: faults the simulator
// draws from the `faults` stream. Crashes come every ~mtbf per node (or, with `role: leader`, to
// whoever holds the role) and last ~mttr; partitions of a given shape start every `every` (a
// range) and last `for` (a range).

import { CRASH_MODES } from '../faults/kinds/crash.js';
import type { YamlFaultEntryReader } from './fault-entry-reader.js';
import type { CrashMode, PartitionShape, RandomFaultSpec } from './types.js';
import type { YamlConfigReader } from './yaml-config-reader.js';
import { durationRangeAt } from './yaml-values.js';

export const RANDOM_FAULT_KINDS = ['crash', 'partition'] as const;
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
  const spec = kinds[0] === 'crash' ? parseRandomCrash(random, entry) : parseRandomPartition(random);
  random.finish();
  return entry.context.problems.count > problemsBefore ? null : spec;
}

function parseRandomCrash(random: YamlConfigReader, entry: YamlFaultEntryReader): RandomFaultSpec | null {
  const crash = random.section('crash');
  if (crash === null) return null;
  const role = readRole(crash, entry);
  const spec: RandomFaultSpec = {
    kind: 'random-crash',
    nodes: role === null ? crash.nodeNames('nodes', { default: crash.context.topology.nodeNames }) : [],
    role,
    mtbfUs: crash.duration('mtbf', { min: 1 }),
    mttrUs: crash.duration('mttr', { min: 1 }),
    mode: crash.string('mode', { default: 'refuse', oneOf: CRASH_MODES }) as CrashMode,
  };
  crash.finish();
  return spec;
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

/** `role: leader` instead of `nodes:`: one process that crashes whoever holds the role. */
function readRole(crash: YamlConfigReader, entry: YamlFaultEntryReader): string | null {
  if (!crash.has('role')) return null;
  if (crash.has('nodes')) {
    crash.raw('nodes');
    crash.error('role', 'give either `nodes` or `role`, not both');
  }
  return entry.roleNameAt(crash.value('role')!);
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
