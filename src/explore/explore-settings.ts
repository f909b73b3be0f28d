// What one exploration injects, with every default filled in: the scenario's `explore:` section
// (already carrying the command's flags, which the CLI applies as `--set explore.<key>=...`) over
// the defaults below. Plain data; the schedules are drawn from it (schedule.ts).

import { FAULT_KINDS, faultKind } from '../faults/registry.js';
import type { FaultKind } from '../faults/fault-kind.js';
import type { Scenario } from '../scenario/types.js';
import { assert } from '../model/assert.js';
import type { RangeUs } from './draw.js';
import { FAULT_GENERATORS } from './fault-generators.js';

/** The kinds of the example: every fault a person would think of first. */
export const DEFAULT_FAULT_NAMES: readonly string[] = ['crash', 'pause', 'partition', 'cut', 'loss', 'delay', 'clock'];
export const DEFAULT_FAULTS_PER_RUN = { min: 1, max: 5 } as const;
export const DEFAULT_FOR_RANGE_US: RangeUs = { minUs: 100_000, maxUs: 10_000_000 };
export const DEFAULT_RUN_COUNT = 100;
/** Fault names that act on links between two nodes. */
export const LINK_FAULT_NAMES: readonly string[] = ['partition', 'cut'];

export interface ExploreSettings {
  /** Names from `explore.faults`, each with a generator (fault-generators.ts). */
  readonly faultNames: readonly string[];
  readonly targetNames: readonly string[];
  readonly targetRoles: readonly string[];
  readonly faultsPerRun: { readonly min: number; readonly max: number };
  readonly forRangeUs: RangeUs;
  /** Faults start in [minUs, maxUs); maxUs is at most the scenario's duration. */
  readonly atRangeUs: RangeUs;
  readonly runCount: number;
}

export function exploreSettings(scenario: Scenario): ExploreSettings {
  const section = scenario.explore;
  const nodeNames = scenario.nodes.map((node) => node.name);
  // Links need two ends: a one-node scenario gets no partitions or cuts by default (written ones are refused when read).
  const faultNames = section?.faults ?? DEFAULT_FAULT_NAMES.filter((name) => nodeNames.length > 1 || !LINK_FAULT_NAMES.includes(name));
  for (const name of faultNames) assert(FAULT_GENERATORS[name] !== undefined, `fault kind ${name} has no explore generator`);
  const durationUs = scenario.durationUs;
  const forRange = section?.forRange ?? defaultForRange(durationUs);
  const at = section?.atRange ?? { minUs: 0, maxUs: durationUs };
  return {
    faultNames,
    targetNames: section?.nodes?.names ?? nodeNames,
    targetRoles: section?.nodes?.roles ?? [],
    faultsPerRun: section?.faultsPerRun ?? DEFAULT_FAULTS_PER_RUN,
    forRangeUs: { minUs: forRange.minUs, maxUs: forRange.maxUs },
    atRangeUs: { minUs: at.minUs, maxUs: Math.min(at.maxUs, durationUs - 1) },
    runCount: section?.runs ?? DEFAULT_RUN_COUNT,
  };
}

/** 100ms..10s, within a quarter to a half of a short run. */
function defaultForRange(durationUs: number): RangeUs {
  const minUs = Math.max(1, Math.min(DEFAULT_FOR_RANGE_US.minUs, Math.floor(durationUs / 4)));
  return { minUs, maxUs: Math.max(minUs, Math.min(DEFAULT_FOR_RANGE_US.maxUs, Math.floor(durationUs / 2))) };
}

/** The registered kind a name of `explore.faults` stands for (`loss` -> the link-change kind). */
export function kindOfFaultName(name: string): FaultKind {
  const kind = faultKind(name) ?? FAULT_KINDS.find((candidate) => candidate.keys.includes(name));
  assert(kind !== undefined, `no fault kind is called ${name}`);
  return kind;
}
