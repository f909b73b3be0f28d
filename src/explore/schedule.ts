// The fault schedule of one explore run, drawn from named streams of the explore seed:
//   explore/run/<i>            the run's simulation seed
//   explore/run/<i>/swarm      which fault kinds this run may use (swarm testing: a random subset)
//   explore/run/<i>/count      how many faults
//   explore/run/<i>/fault/<j>  fault j: its kind, start, length and the kind's own keys
// so run i is the same whatever the other runs are, and fault j does not depend on what fault
// j-1 drew. Faults are ordinary `faults:` entries, sorted by start.

import { StreamFactory } from '../kernel/random-stream.js';
import { SEED_MAX } from '../scenario/scenario-keys.js';
import { Draw } from './draw.js';
import { kindOfFaultName, type ExploreSettings } from './explore-settings.js';
import { durationText } from './fault-entries.js';
import { FAULT_GENERATORS, type FaultEntry } from './fault-generators.js';

export interface RunSchedule {
  readonly index: number;
  /** The run's simulation seed (`seed:` of its scenario). */
  readonly seed: number;
  /** The fault kinds this run drew from (its swarm subset), in `explore.faults` order. */
  readonly faultNames: readonly string[];
  readonly faults: readonly FaultEntry[];
}

export function scheduleOf(settings: ExploreSettings, nodeNames: readonly string[], exploreSeed: number, index: number): RunSchedule {
  const streams = new StreamFactory(exploreSeed);
  const prefix = `explore/run/${index}`;
  const seed = streams.stream(prefix).int(SEED_MAX + 1);
  const faultNames = new Draw(streams.stream(`${prefix}/swarm`)).nonEmptySubset(settings.faultNames);
  const count = new Draw(streams.stream(`${prefix}/count`)).intBetween(settings.faultsPerRun.min, settings.faultsPerRun.max);
  const drawn: { atUs: number; entry: FaultEntry }[] = [];
  for (let j = 0; j < count; j++) {
    const draw = new Draw(streams.stream(`${prefix}/fault/${j}`));
    const name = draw.pick(faultNames);
    const atUs = draw.timeUs(settings.atRangeUs);
    const forUs = kindOfFaultName(name).notRevertible === undefined ? draw.durationUs(settings.forRangeUs) : null;
    const keys = FAULT_GENERATORS[name]!({ draw, targetNames: settings.targetNames, targetRoles: settings.targetRoles, nodeNames });
    drawn.push({ atUs, entry: { at: durationText(atUs), ...(forUs === null ? {} : { for: durationText(forUs) }), ...keys } });
  }
  drawn.sort((a, b) => a.atUs - b.atUs);
  return { index, seed, faultNames, faults: drawn.map((fault) => fault.entry) };
}
